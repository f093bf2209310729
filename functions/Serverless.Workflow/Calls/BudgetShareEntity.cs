using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Calls;

/// <summary>Where an approved application's programme share stands against its call's budget.</summary>
public enum ShareState
{
    /// <summary>Approved: counted in the call's committed budget.</summary>
    Committed,

    /// <summary>Completed: moved from committed to spent.</summary>
    Spent,

    /// <summary>Ended otherwise (terminated, failed, a review that did not stand): given back to the budget.</summary>
    Returned,
}

/// <summary>
/// An application's programme share in its call (row <c>share:{applicationId}</c> beside the call, Calls table),
/// written in the same transaction as the call's committed and spent sums, so the sums are always the shares'. Kept
/// after the application ends, and through a purge of its history: the year's outcome report reads them.
/// </summary>
public sealed class BudgetShareEntity : ITableEntity
{
    public string PartitionKey { get; set; } = CallEntity.Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CallId { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    public long AmountKrw { get; set; }

    /// <summary>The plan's tasks as JSON: <c>[{ taskId, supportType, programmeShareKrw }]</c>, for the report by support type.</summary>
    public string TasksJson { get; set; } = "[]";

    public string State { get; set; } = nameof(ShareState.Committed);

    public DateTimeOffset CommittedAt { get; set; }

    /// <summary>When it was spent or given back.</summary>
    public DateTimeOffset? SettledAt { get; set; }

    [IgnoreDataMember]
    public ShareState CurrentState => Enum.Parse<ShareState>(State);

    public static string Row(string applicationId) => "share:" + applicationId;
}
