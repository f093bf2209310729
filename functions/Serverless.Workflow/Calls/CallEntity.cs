using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Calls;

/// <summary>
/// A call for applications (모집공고): one programme's application window and the programme share it may commit.
/// All calls share one partition, with a guard row per programme: they are few (one or two a year), and a write
/// that changes a programme's windows goes in one transaction with that programme's guard, so two writes that would
/// overlap cannot both pass the check. The guard also keeps the programme's schedule, so intake finds the open call
/// with one read of one row instead of a query. Beside them, one seat row per application taken (<see cref="SeatRow"/>), added
/// in the same transaction as the call's count when the call has a maximum. Call ids are lowercase hex and guard rows start with <c>g</c>, so
/// both sort before <see cref="FirstOtherRow"/>, and the seat rows after it.
/// </summary>
public sealed class CallEntity : ITableEntity
{
    public const string Partition = "call";

    public string PartitionKey { get; set; } = Partition;

    /// <summary>The call's id (32 lowercase hex).</summary>
    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Programme { get; set; } = "";

    public string TitleKo { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>An admin closed the call before its planned closing (<see cref="ClosesAt"/> is then when).</summary>
    public bool ClosedEarly { get; set; }

    /// <summary>The programme share the call may commit to approved plans, in won.</summary>
    public long BudgetKrw { get; set; }

    public long CommittedKrw { get; set; }

    public long SpentKrw { get; set; }

    /// <summary>What the call may still commit.</summary>
    [IgnoreDataMember]
    public long LeftKrw => BudgetKrw - CommittedKrw - SpentKrw;

    /// <summary>The eligible mini-clusters as a JSON array; null when every mini-cluster may apply.</summary>
    public string? MiniClustersJson { get; set; }

    public int? MaxApplications { get; set; }

    /// <summary>
    /// Places taken while the call has a maximum, counted under the call's ETag so that it never passes
    /// <see cref="MaxApplications"/>. A call without one counts nothing here: its seat rows say how many it took.
    /// </summary>
    public int Applications { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    [IgnoreDataMember]
    public string CallId => RowKey;

    const string GuardPrefix = "guard:";

    /// <summary>The guard row of a programme's calls (<see cref="CallEntity"/>).</summary>
    public static string GuardRow(string programme) => GuardPrefix + programme;

    /// <summary>The row that says an application has its place in a call (its count raised once).</summary>
    public static string SeatRow(string applicationId) => "seat:" + applicationId;

    /// <summary>The first row key after every call and guard row.</summary>
    public const string FirstOtherRow = "h";

    [IgnoreDataMember]
    public bool IsGuard => RowKey.StartsWith(GuardPrefix, StringComparison.Ordinal);

    /// <summary>The eligible mini-clusters; empty when every mini-cluster may apply.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> MiniClusters => MiniClustersJson is null ? [] : JsonSerializer.Deserialize<List<string>>(MiniClustersJson) ?? [];

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    public bool Overlaps(DateTimeOffset opensAt, DateTimeOffset closesAt) => OpensAt < closesAt && opensAt < ClosesAt;
}
