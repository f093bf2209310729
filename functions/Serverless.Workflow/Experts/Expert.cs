using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Experts;

[JsonConverter(typeof(JsonStringEnumConverter<ExpertSector>))]
public enum ExpertSector
{
    Industry,
    Academia,
    Research,
    Government,
}

/// <summary>An expert as admins write one (docs/api.md, Admin: Experts). Nullable: the validator says what is missing.</summary>
public sealed record ExpertRequest(
    string? Name, string? Email, string? Organization, string? Sector, IReadOnlyList<string?>? Fields, int? YearsOfExperience,
    int? MaxActiveAssignments, bool? Active, string? Language, IReadOnlyList<string?>? ConflictBusinessRegistrationNumbers);

/// <summary>An expert as the API shows one; the two counts are kept by the workflow, read-only here.</summary>
public sealed record Expert(
    string ExpertId, string Name, string Email, string Organization, ExpertSector Sector, IReadOnlyList<DifficultyCategory> Fields,
    int YearsOfExperience, int MaxActiveAssignments, bool Active, string Language, IReadOnlyList<string> ConflictBusinessRegistrationNumbers,
    int ActiveAssignments, int TotalAssignments);

/// <summary>A row of the Experts table: partition <c>expert</c>, row key the expert id.</summary>
public sealed class ExpertEntity() : PoolMemberEntity<ExpertEntity>(Partition)
{
    public const string Partition = "expert";

    public string Organization { get; set; } = "";

    public string Sector { get; set; } = nameof(ExpertSector.Industry);

    /// <summary>Difficulty categories, comma-separated.</summary>
    public string Fields { get; set; } = "";

    public int YearsOfExperience { get; set; }

    public int MaxActiveAssignments { get; set; } = 1;

    /// <summary>Tasks this expert holds now; changed under ETag with the hold rows (<see cref="ExpertLoads"/>).</summary>
    public int ActiveAssignments { get; set; }

    /// <summary>Tasks this expert ever accepted.</summary>
    public int TotalAssignments { get; set; }

    public override bool HoldsWork() => ActiveAssignments > 0;

    [IgnoreDataMember]
    public IReadOnlyList<DifficultyCategory> FieldList =>
        Fields.Length == 0 ? [] : [.. Fields.Split(',').Select(Enum.Parse<DifficultyCategory>)];

    public override void KeepWorkflowCountsOf(ExpertEntity stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        (ActiveAssignments, TotalAssignments) = (stored.ActiveAssignments, stored.TotalAssignments);
    }

    public Expert ToExpert() => new(
        RowKey, Name, Email, Organization, Enum.Parse<ExpertSector>(Sector), FieldList, YearsOfExperience, MaxActiveAssignments,
        Active, Language, PersonRules.Conflicts(ConflictBusinessRegistrationNumbers), ActiveAssignments, TotalAssignments);
}
