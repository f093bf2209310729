using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Admin;

/// <summary>An admin's list filter (docs/api.md: GET /api/admin/applications), checked.</summary>
public sealed record ApplicationFilter(
    ApplicationStatus? Status, ApplicationStage? Stage, string? MiniCluster, DateOnly? SubmittedFrom, DateOnly? SubmittedTo,
    string? Query, int PageSize, string? After);

public sealed record ApplicationListItem(
    string ApplicationId, string ReceiptNumber, string FirmName, string BusinessRegistrationNumber, ApplicationStatus Status,
    ApplicationStage Stage, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? MiniCluster, DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt, bool SlaBreached, int WorkflowVersion);

/// <summary>A page of the list; <see cref="ContinuationToken"/> is null on the last page (docs/api.md), not left out.</summary>
public sealed record ApplicationPage(
    IReadOnlyList<ApplicationListItem> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);

/// <summary>
/// Lists applications newest first from ApplicationIndex, never from the applications themselves: a status filter
/// reads its <c>status:</c> partition, a BRN its <c>firm:</c> partition, a receipt number its <c>receipt:</c>
/// partition, anything else <c>all</c>; the submission range is a row-key range (rows are keyed by inverted ticks);
/// stage and mini-cluster are filters within the partition. A firm-name part reads the <c>name:</c> partition of its
/// first letter pair (<see cref="FirmNameIndex"/>) and is matched here, row by row, since Table storage has no
/// substring filter. Every value reaches the query as a parameter.
/// </summary>
public sealed class ApplicationQuery(WorkflowStorage storage, TimeProvider time)
{
    /// <summary>Name rows read a page at a time; the first page of each letter pair's partition picks the one to read.</summary>
    const int NamePage = 1000;

    public const int DefaultPageSize = 50;
    const int MaxPageSize = 200;
    const string TokenVersion = "v1|";

    public static (ApplicationFilter? Filter, ValidationErrors Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new ValidationErrors();
        T? EnumOf<T>(string name) where T : struct, Enum
        {
            var value = query[name].ToString();
            if (value.Length == 0)
            {
                return null;
            }

            if (Enum.GetNames<T>().Contains(value, StringComparer.Ordinal))
            {
                return Enum.Parse<T>(value);
            }

            errors.Add(name, $"Must be one of {string.Join(", ", Enum.GetNames<T>())}.");
            return null;
        }

        DateOnly? DateOf(string name)
        {
            var value = query[name].ToString();
            if (value.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 9998)
            {
                return date;
            }

            errors.Add(name, "Must be a date, yyyy-MM-dd, from 1900 to 9998.");
            return null;
        }

        var status = EnumOf<ApplicationStatus>("status");
        var stage = EnumOf<ApplicationStage>("stage");
        var from = DateOf("submittedFrom");
        var to = DateOf("submittedTo");
        if (from > to)
        {
            errors.Add("submittedTo", "Must not be before submittedFrom.");
        }

        var pageSize = DefaultPageSize;
        if (query["pageSize"].ToString() is { Length: > 0 } size && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add("pageSize", $"Must be a whole number from 1 to {MaxPageSize}.");
        }

        var text = query["q"].ToString().Trim();
        if (text.Length > 100 || text.Any(char.IsControl))
        {
            errors.Add("q", "At most 100 characters, no control characters.");
        }
        else if (Classify(text).Name is { } name && !FirmNameIndex.CanSearch(name))
        {
            errors.Add("q", "A receipt number, a business registration number, or at least two letters of a firm's name.");
        }

        var miniCluster = query["miniCluster"].ToString();
        if (miniCluster.Length > 100 || miniCluster.Any(char.IsControl))
        {
            errors.Add("miniCluster", "At most 100 characters, no control characters.");
        }

        var after = query["continuationToken"].ToString() is { Length: > 0 } token ? RowKeyOf(token) : null;
        if (query["continuationToken"].ToString().Length > 0 && after is null)
        {
            errors.Add("continuationToken", "Not a continuation token of this list.");
        }

        return errors.Any
            ? (null, errors)
            : (new ApplicationFilter(status, stage, miniCluster.Length > 0 ? miniCluster : null, from, to, text.Length > 0 ? text : null, pageSize, after), errors);
    }

    public async Task<ApplicationPage> ListAsync(ApplicationFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var items = new List<ApplicationIndexEntity>();
        await foreach (var row in RowsAsync(filter, cancellationToken))
        {
            items.Add(row);
            if (items.Count > filter.PageSize)
            {
                break;
            }
        }

        var more = items.Count > filter.PageSize;
        var page = items.Take(filter.PageSize).ToList();
        var now = time.GetUtcNow();
        return new ApplicationPage(
            [.. page.Select(r => Item(r, now))],
            more ? TokenOf(page[^1].RowKey) : null);
    }

    /// <summary>Every row the filter selects, newest first (the CSV export streams these).</summary>
    public async IAsyncEnumerable<ApplicationIndexEntity> RowsAsync(
        ApplicationFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (brn, receipt, name) = Classify(filter.Query);
        var conditions = new List<string>();
        if (filter.After is { } after)
        {
            conditions.Add(TableClient.CreateQueryFilter($"RowKey gt {after}"));
        }

        if (filter.SubmittedTo is { } to)
        {
            conditions.Add(TableClient.CreateQueryFilter($"RowKey gt {Bound(to.AddDays(1))}"));
        }

        if (filter.SubmittedFrom is { } from)
        {
            conditions.Add(TableClient.CreateQueryFilter($"RowKey lt {Bound(from)}"));
        }

        if (name is not null)
        {
            // A name row holds the name only as it is now; the status and the rest come from the all row.
            await foreach (var row in NameRowsAsync(name, conditions, cancellationToken))
            {
                if (FirmNameIndex.Holds(row.FirmName, name)
                    && await storage.ApplicationIndex.GetEntityIfExistsAsync<ApplicationIndexEntity>(ApplicationIndexEntity.All, row.RowKey, cancellationToken: cancellationToken) is { HasValue: true } current
                    && Matches(current.Value!, filter))
                {
                    yield return current.Value!;
                }
            }

            yield break;
        }

        // The narrowest partition: a firm's or a receipt's holds a row or two; a status's can hold thousands.
        var partition = brn is not null ? ApplicationIndexEntity.FirmPartition(brn)
            : receipt is not null ? ApplicationIndexEntity.ReceiptPartition(receipt)
            : filter.Status is { } status ? ApplicationIndexEntity.StatusPartition(status.ToString())
            : ApplicationIndexEntity.All;
        conditions.Insert(0, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"));
        if (filter.Stage is { } stage)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Stage eq {stage.ToString()}"));
        }

        if (filter.MiniCluster is { } miniCluster)
        {
            conditions.Add(TableClient.CreateQueryFilter($"MiniCluster eq {miniCluster}"));
        }

        if (filter.Status is { } wanted && (brn is not null || receipt is not null))
        {
            conditions.Add(TableClient.CreateQueryFilter($"Status eq {wanted.ToString()}"));
        }

        await foreach (var row in storage.ApplicationIndex.QueryAsync<ApplicationIndexEntity>(
            string.Join(" and ", conditions), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The name rows to look through for <paramref name="name"/>, newest first. Every name holding the text has a row in
    /// the partition of each of the text's letter pairs, so any one of them will do, and the smallest is cheapest: the
    /// first page of each probed pair's partition (<see cref="Probed"/>) is read side by side. A partition that ends within its first page is the one (the smallest
    /// such); when none does, the one whose page held the most names holding the text reads on, so a common name fills
    /// its page soon and a rare one is looked for among the firms that share its rarest pair.
    /// </summary>
    async IAsyncEnumerable<ApplicationIndexEntity> NameRowsAsync(
        string name, IReadOnlyList<string> rowConditions, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var readers = Probed(FirmNameIndex.SearchPartitions(name))
            .Select(partition => storage.ApplicationIndex.QueryAsync<ApplicationIndexEntity>(
                    string.Join(" and ", [TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), .. rowConditions]),
                    maxPerPage: NamePage, cancellationToken: cancellationToken)
                .AsPages()
                .GetAsyncEnumerator(cancellationToken))
            .ToList();
        try
        {
            var read = await Task.WhenAll(readers.Select(async reader => await reader.MoveNextAsync()));
            var firsts = readers.Select((reader, i) => read[i] ? reader.Current.Values : []).ToList();
            var ended = Enumerable.Range(0, readers.Count).Where(i => !read[i] || readers[i].Current.ContinuationToken is null).ToList();
            var chosen = ended.Count > 0
                ? ended.MinBy(i => firsts[i].Count)
                : Enumerable.Range(0, readers.Count).MaxBy(i => firsts[i].Count(row => FirmNameIndex.Holds(row.FirmName, name)));
            foreach (var row in firsts[chosen])
            {
                yield return row;
            }

            while (ended.Count == 0 && await readers[chosen].MoveNextAsync())
            {
                foreach (var row in readers[chosen].Current.Values)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// At most three of the text's pairs are looked at (its first, middle and last): each look is a query, and the
    /// storage emulator scans the whole table for every query (Azure Table storage does not).
    /// </summary>
    static IReadOnlyList<string> Probed(IReadOnlyList<string> partitions) =>
        partitions.Count <= 3 ? partitions : [partitions[0], partitions[partitions.Count / 2], partitions[^1]];

    /// <summary>The filters a partition's query could not apply: those of an application found by its name.</summary>
    static bool Matches(ApplicationIndexEntity row, ApplicationFilter filter) =>
        (filter.Status is not { } status || row.Status == status.ToString())
        && (filter.Stage is not { } stage || row.Stage == stage.ToString())
        && (filter.MiniCluster is not { } miniCluster || row.MiniCluster == miniCluster);

    public static ApplicationListItem Item(ApplicationIndexEntity row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = Enum.Parse<ApplicationStatus>(row.Status);
        return new ApplicationListItem(
            row.ApplicationId, row.ReceiptNumber, row.FirmName, row.BusinessRegistrationNumber, status, Enum.Parse<ApplicationStage>(row.Stage),
            row.MiniCluster, row.SubmittedAt, row.UpdatedAt, !status.IsTerminal() && row.DueAt < now, row.WorkflowVersion);
    }

    /// <summary>A row-key bound for the start of a day (UTC): rows before it sort after it.</summary>
    static string Bound(DateOnly day) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks:D19}~";

    /// <summary>What a search text is: a BRN (its digits checked), a receipt number, or else a part of a firm's name.</summary>
    static (string? Brn, string? Receipt, string? Name) Classify(string? text) =>
        text is not { Length: > 0 } ? (null, null, null)
        : BusinessRegistrationNumber.Normalize(text) is { } brn ? (brn, null, null)
        : IsReceiptNumber(text) ? (null, text.ToUpperInvariant(), null)
        : (null, null, text);

    static bool IsReceiptNumber(string text) =>
        text.Split('-') is [{ Length: >= 1 and <= 5 } prefix, { Length: 4 } year, { Length: 5 } serial]
        && prefix.All(char.IsAsciiLetter) && year.All(char.IsAsciiDigit) && serial.All(char.IsAsciiDigit);

    static string TokenOf(string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenVersion + rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The row key a token continues after; null for anything this list did not issue.</summary>
    static string? RowKeyOf(string token)
    {
        if (token.Length > 200 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var rowKey = text.StartsWith(TokenVersion, StringComparison.Ordinal) ? text[TokenVersion.Length..] : "";
        return rowKey.Length == 52 && rowKey[19] == '-' && rowKey[..19].All(char.IsAsciiDigit) && ApplicationIds.IsValid(rowKey[20..]) ? rowKey : null;
    }
}
