using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Review;

[JsonConverter(typeof(JsonStringEnumConverter<ReviewerRole>))]
public enum ReviewerRole
{
    Reviewer,
    Escalation,
}

/// <summary>A reviewer as admins write one (docs/api.md, Admin: Reviewers). Nullable: the validator says what is missing.</summary>
public sealed record ReviewerRequest(
    string? Name, string? Email, string? Role, bool? Active, string? Language, IReadOnlyList<string?>? ConflictBusinessRegistrationNumbers);

/// <summary>A reviewer as the API shows one; <see cref="PendingReviews"/> is kept by the workflow, read-only here.</summary>
public sealed record Reviewer(
    string ReviewerId, string Name, string Email, ReviewerRole Role, bool Active, string Language,
    IReadOnlyList<string> ConflictBusinessRegistrationNumbers, int PendingReviews);

/// <summary>A row of the Reviewers table: partition <c>reviewer</c>, row key the reviewer id.</summary>
public sealed class ReviewerEntity : ITableEntity
{
    public const string Partition = "reviewer";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Role { get; set; } = nameof(ReviewerRole.Reviewer);

    public bool Active { get; set; } = true;

    public string Language { get; set; } = "ko";

    /// <summary>Normalised BRNs (XXX-XX-XXXXX), comma-separated.</summary>
    public string ConflictBusinessRegistrationNumbers { get; set; } = "";

    /// <summary>Reviews this reviewer holds now; changed under ETag by the review step.</summary>
    public int PendingReviews { get; set; }

    public Reviewer ToReviewer() => new(
        RowKey, Name, Email, Enum.Parse<ReviewerRole>(Role), Active, Language,
        PersonRules.Conflicts(ConflictBusinessRegistrationNumbers), PendingReviews);
}
