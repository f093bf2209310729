using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Admin;

/// <summary>What <c>GET /api/admin/stats</c> answers (docs/api.md, Admin).</summary>
public sealed record StatsView(
    IReadOnlyDictionary<string, long> ByStatus, IReadOnlyDictionary<string, long> ByStage, IReadOnlyDictionary<string, long> ByMiniCluster,
    IReadOnlyDictionary<string, long> BySupportType, long Submitted, long Completed,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] double? MedianDaysToCompletion,
    long SlaBreaches, IReadOnlyDictionary<string, long> InFlightByVersion, IReadOnlyDictionary<string, long> SubmittedByWeek);

/// <summary>
/// Counters kept up to date with every status change, so the stats are one small query, never a scan of the
/// applications. They live in the Counters table, partition <c>stats</c>: counter rows (<c>c:{name}|{shard}</c>,
/// sharded by application so concurrent applications rarely touch the same row) and one marker row per application
/// (<c>m:{applicationId}</c>) holding the status its counts reflect. A status move changes the counters and the
/// marker in one transaction under their ETags, so a retried move counts once and a lost race is redone; the marker
/// also keeps when its status was set, so an older move arriving late (a step racing an admin's terminate) is ignored,
/// and the workflow version the application counts under while it is in flight (markers written before versions were
/// counted have none, and their applications are not counted by version).
/// </summary>
public sealed class ApplicationStats(WorkflowStorage storage)
{
    const string Partition = "stats";
    const int Shards = 8;
    const int MaxAttempts = 50;

    /// <summary>
    /// Counter rows as this host last wrote them. A move builds its transaction on these and reads only rows it has
    /// not seen; when another host (or a concurrent move here) changed one since, the ETags refuse the transaction,
    /// its rows are forgotten, and the next attempt reads them. This saves a read per counter on every status move.
    /// </summary>
    readonly ConcurrentDictionary<string, TableEntity> known = new(StringComparer.Ordinal);

    TableClient Table => storage.Counters;

    /// <summary>
    /// Counts the application as being in <paramref name="to"/> since <paramref name="at"/>: once, however often it is
    /// asked, and never over a later move (a retried or late write of an older status changes nothing).
    /// <paramref name="neverCounted"/> says the caller has just written the application's first row, so it has no
    /// marker yet and the first attempt saves reading it (intake's requests are in docs/architecture.md). Should one
    /// exist after all, the transaction's Add of the marker fails, and the next attempt reads it.
    /// </summary>
    public async Task MoveAsync(
        ApplicationEntity application, ApplicationStatus to, DateTimeOffset at, IReadOnlyList<string> supportTypes, CancellationToken cancellationToken,
        bool neverCounted = false)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(supportTypes);
        var shard = Shard(application.ApplicationId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var marker = neverCounted && attempt == 0 ? null : await GetAsync("m:" + application.ApplicationId, cancellationToken);
            var counted = marker?.GetString("Status");
            if (counted == to.ToString() || marker?.GetInt64("AtTicks") > at.UtcTicks)
            {
                return;
            }

            // The counter rows are read side by side: this runs on every status change, intake included.
            var byVersion = marker is null || marker.ContainsKey("Version");
            var deltas = Deltas(application, counted, to, supportTypes, byVersion).Where(d => d.Value != 0).ToList();
            var current = await Task.WhenAll(deltas.Select(d => KnownOrReadAsync(CounterRow(d.Key, shard), cancellationToken)));
            var rows = new List<TableTransactionAction>();
            foreach (var ((name, delta), row) in deltas.Zip(current))
            {
                var key = CounterRow(name, shard);
                rows.Add(row is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, key) { ["Count"] = (long)delta })
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                        new TableEntity(Partition, key) { ["Count"] = (row.GetInt64("Count") ?? 0) + delta }, row.ETag));
            }

            var newMarker = new TableEntity(Partition, "m:" + application.ApplicationId) { ["Status"] = to.ToString(), ["AtTicks"] = at.UtcTicks };
            if (byVersion)
            {
                newMarker["Version"] = application.WorkflowVersion;
            }

            rows.Add(marker is null
                ? new TableTransactionAction(TableTransactionActionType.Add, newMarker)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, newMarker, marker.ETag));
            try
            {
                var written = await Table.SubmitTransactionAsync(rows, cancellationToken);
                Remember(rows, written.Value);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another application's move touched a shared row, or this one moved meanwhile: read again.
                foreach (var row in rows)
                {
                    known.TryRemove(row.Entity.RowKey, out _);
                }
            }
        }

        throw new InvalidOperationException($"Could not count {application.ApplicationId} as {to} after {MaxAttempts} attempts.");
    }

    /// <summary>Counts one occurrence of <paramref name="name"/> identified by <paramref name="key"/> (an engagement past its deadline), once.</summary>
    public async Task CountOnceAsync(string applicationId, string name, string key, CancellationToken cancellationToken)
    {
        var shard = Shard(applicationId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await GetAsync($"o:{applicationId}:{key}", cancellationToken) is not null)
            {
                return;
            }

            var counter = CounterRow(name, shard);
            var row = await GetAsync(counter, cancellationToken);
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    row is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, counter) { ["Count"] = 1L })
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                            new TableEntity(Partition, counter) { ["Count"] = (row.GetInt64("Count") ?? 0) + 1 }, row.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, $"o:{applicationId}:{key}")),
                ], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Read again.
            }
        }

        throw new InvalidOperationException($"Could not count {name} for {applicationId} after {MaxAttempts} attempts.");
    }

    public async Task<StatsView> ReadAsync(CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"c:"} and RowKey lt {"c;"}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var name = row.RowKey[2..row.RowKey.LastIndexOf('|')];
            totals[name] = totals.GetValueOrDefault(name) + (row.GetInt64("Count") ?? 0);
        }

        IReadOnlyDictionary<string, long> Group(string prefix) => totals
            .Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal) && t.Value != 0)
            .ToDictionary(t => t.Key[prefix.Length..], t => t.Value, StringComparer.Ordinal);

        return new StatsView(
            Group("status:"), Group("stage:"), Group("miniCluster:"), Group("supportType:"),
            totals.GetValueOrDefault("submitted"), totals.GetValueOrDefault("completed"),
            Median(Group("completedDays:").ToDictionary(d => int.Parse(d.Key, CultureInfo.InvariantCulture), d => d.Value)),
            totals.GetValueOrDefault("slaBreaches"), Group("inFlight:"), Group("week:"));
    }

    /// <summary>The counter changes of a move from <paramref name="counted"/> (null: not counted yet) to <paramref name="to"/>.</summary>
    static Dictionary<string, int> Deltas(
        ApplicationEntity application, string? counted, ApplicationStatus to, IReadOnlyList<string> supportTypes, bool byVersion)
    {
        var deltas = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string name, int delta) => deltas[name] = deltas.GetValueOrDefault(name) + delta;
        if (counted is null)
        {
            Add("submitted", 1);
            Add("miniCluster:" + (application.MiniCluster ?? "(none)"), 1);
            Add("week:" + Week(application.SubmittedAt), 1);
        }
        else
        {
            Add("status:" + counted, -1);
            Add("stage:" + Enum.Parse<ApplicationStatus>(counted).Stage(), -1);
        }

        Add("status:" + to, 1);
        Add("stage:" + to.Stage(), 1);
        if (byVersion)
        {
            // In flight per workflow version, so that the staff know when an old version's branch may go (docs/workflow.md).
            var inFlight = $"inFlight:{application.WorkflowVersion}";
            Add(inFlight, (to.IsTerminal() ? 0 : 1) - (counted is not null && !Enum.Parse<ApplicationStatus>(counted).IsTerminal() ? 1 : 0));
        }

        if (to == ApplicationStatus.Approved)
        {
            foreach (var type in supportTypes)
            {
                Add("supportType:" + type, 1);
            }
        }

        if (to == ApplicationStatus.Completed)
        {
            Add("completed", 1);
            Add($"completedDays:{(int)(application.UpdatedAt - application.SubmittedAt).TotalDays}", 1);
        }

        return deltas;
    }

    /// <summary>
    /// The ISO week a submission falls in, in Korea (<c>2026-W49</c>): the dashboard's submissions per week. Only
    /// applications counted since this counter was added are in it.
    /// </summary>
    public static string Week(DateTimeOffset submittedAt)
    {
        var day = KoreaTime.DateOf(submittedAt).ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }

    /// <summary>The median of whole days from a histogram (days → how many).</summary>
    static double? Median(Dictionary<int, long> histogram)
    {
        var count = histogram.Values.Sum();
        if (count == 0)
        {
            return null;
        }

        double At(long index)
        {
            foreach (var (days, howMany) in histogram.OrderBy(h => h.Key))
            {
                if (index < howMany)
                {
                    return days;
                }

                index -= howMany;
            }

            throw new InvalidOperationException("Index beyond the histogram.");
        }

        return count % 2 == 1 ? At(count / 2) : (At((count / 2) - 1) + At(count / 2)) / 2;
    }

    async Task<TableEntity?> KnownOrReadAsync(string rowKey, CancellationToken cancellationToken) =>
        known.TryGetValue(rowKey, out var row) ? row : await GetAsync(rowKey, cancellationToken);

    /// <summary>Keeps the counter rows of a transaction that went through, each with the ETag the service answered.</summary>
    void Remember(IReadOnlyList<TableTransactionAction> rows, IReadOnlyList<Response> answers)
    {
        foreach (var (action, answer) in rows.Zip(answers))
        {
            if (action.Entity is TableEntity { RowKey: var key } counter && key.StartsWith("c:", StringComparison.Ordinal) && answer.Headers.ETag is { } etag)
            {
                known[key] = new TableEntity(Partition, key) { ["Count"] = counter.GetInt64("Count"), ETag = etag };
            }
        }
    }

    async Task<TableEntity?> GetAsync(string rowKey, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>A counter's row; characters a row key may not hold (a mini-cluster's name could) become '_'.</summary>
    static string CounterRow(string name, int shard) =>
        $"c:{string.Concat(name.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c))}|{shard}";

    static int Shard(string applicationId) => Convert.ToInt32(applicationId[^1..], 16) % Shards;
}
