using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Pools;

/// <summary>
/// What the row of a pool member (an expert, a reviewer) holds for every member: a person (<see cref="PersonRules"/>),
/// in its pool's partition, row key the member's id.
/// </summary>
public abstract class PoolMemberEntity<TSelf>(string partition) : ITableEntity
    where TSelf : PoolMemberEntity<TSelf>
{
    public string PartitionKey { get; set; } = partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public bool Active { get; set; } = true;

    public string Language { get; set; } = "ko";

    /// <summary>Normalised BRNs (XXX-XX-XXXXX), comma-separated.</summary>
    public string ConflictBusinessRegistrationNumbers { get; set; } = "";

    /// <summary>Holds work now (active assignments, pending reviews): such a member is deactivated, not deleted.</summary>
    public abstract bool HoldsWork();

    /// <summary>Takes the counts the workflow keeps from the stored row, so that an admin's edit never resets them.</summary>
    public abstract void KeepWorkflowCountsOf(TSelf stored);
}
