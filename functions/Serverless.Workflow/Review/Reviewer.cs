using System.Text.Json.Serialization;
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
public sealed class ReviewerEntity() : PoolMemberEntity<ReviewerEntity>(Partition)
{
    public const string Partition = "reviewer";

    public string Role { get; set; } = nameof(ReviewerRole.Reviewer);

    /// <summary>Reviews this reviewer holds now; changed under ETag by the review step.</summary>
    public int PendingReviews { get; set; }

    public override bool HoldsWork() => PendingReviews > 0;

    public override void KeepWorkflowCountsOf(ReviewerEntity stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        PendingReviews = stored.PendingReviews;
    }

    public Reviewer ToReviewer() => new(
        RowKey, Name, Email, Enum.Parse<ReviewerRole>(Role), Active, Language,
        PersonRules.Conflicts(ConflictBusinessRegistrationNumbers), PendingReviews);
}
