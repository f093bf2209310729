using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Matching;

/// <summary>Where a task of the plan stands (docs/api.md: assignments list Active and Completed ones to the firm).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssignmentStatus>))]
public enum AssignmentStatus
{
    Offered,
    Unmatched,
    Active,
    Completed,
}

/// <summary>A task's matching, engagement and report: partition the application, row the task id.</summary>
public sealed class AssignmentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Category { get; set; } = "";

    public string SupportType { get; set; } = "";

    public string Status { get; set; } = nameof(AssignmentStatus.Offered);

    /// <summary>The offer in flight (its number) and whom it went to.</summary>
    public int OfferNumber { get; set; }

    public string OfferedTo { get; set; } = "";

    /// <summary>Experts who declined or let an offer lapse, comma-separated: never offered this task again.</summary>
    public string PassedOver { get; set; } = "";

    public string ExpertId { get; set; } = "";

    public string ExpertName { get; set; } = "";

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? ReportSummary { get; set; }

    /// <summary>The report's file in Blob (<c>{applicationId}/reports/{taskId}/{fileName}</c>), when one came.</summary>
    public string? ReportBlob { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The engagement ran past its deadline without a report.</summary>
    public bool SlaBreached { get; set; }

    [IgnoreDataMember]
    public string TaskId => RowKey;

    [IgnoreDataMember]
    public AssignmentStatus CurrentStatus => Enum.Parse<AssignmentStatus>(Status);

    [IgnoreDataMember]
    public IReadOnlySet<string> PassedOverIds => PassedOver.Length == 0 ? new HashSet<string>() : PassedOver.Split(',').ToHashSet();
}
