using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Applications;

/// <summary>
/// A row of ApplicationIndex: one per application in each of its partitions (<c>all</c>, <c>status:{Status}</c>,
/// <c>firm:{brn}</c>, <c>receipt:{number}</c>), keyed newest first, carrying what a list shows, so lists and filters never scan.
/// </summary>
public sealed class ApplicationIndexEntity : ITableEntity
{
    public const string All = "all";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ApplicationId { get; set; } = "";

    public string ReceiptNumber { get; set; } = "";

    public string FirmName { get; set; } = "";

    public string BusinessRegistrationNumber { get; set; } = "";

    public string Status { get; set; } = "";

    public string Stage { get; set; } = "";

    public string? MiniCluster { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The workflow version the application started on (0: recorded before versions were, 1 or 2).</summary>
    public int WorkflowVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public static string StatusPartition(string status) => $"status:{status}";

    public static string ReceiptPartition(string receiptNumber) => $"receipt:{receiptNumber}";

    public static string FirmPartition(string businessRegistrationNumber) =>
        $"firm:{Applications.BusinessRegistrationNumber.Digits(businessRegistrationNumber)}";

    /// <summary>Inverted ticks first, so a partition reads newest first.</summary>
    public static string RowFor(DateTimeOffset submittedAt, string applicationId) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - submittedAt.UtcTicks:D19}-{applicationId}";

    public static ApplicationIndexEntity For(string partition, ApplicationEntity application) => new()
    {
        PartitionKey = partition,
        RowKey = RowFor(application.SubmittedAt, application.ApplicationId),
        ApplicationId = application.ApplicationId,
        ReceiptNumber = application.ReceiptNumber,
        FirmName = application.FirmName,
        BusinessRegistrationNumber = application.BusinessRegistrationNumber,
        Status = application.Status,
        Stage = application.Stage,
        MiniCluster = application.MiniCluster,
        SubmittedAt = application.SubmittedAt,
        WorkflowVersion = application.WorkflowVersion,
        UpdatedAt = application.UpdatedAt,
        DueAt = application.DueAt,
    };
}
