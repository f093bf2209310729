using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Benchmarks.Hosting;
using Serverless.Benchmarks.Measuring;
using Serverless.Testing;
using Serverless.Workflow.Applications;

namespace Serverless.Benchmarks.Admin;

/// <summary>
/// The admin list as the dashboard calls it, over an index seeded directly (rows as intake and the projection write
/// them, the firm-name index's included) to a given size: each query repeated, its p50 and p95.
/// </summary>
internal sealed class AdminRun(BenchmarkHost host, int repeats)
{
    static readonly string[] Statuses = ["AwaitingDocuments", "AwaitingReview", "InProgress", "Completed", "Rejected", "Expired"];

    readonly TableClient index = new TableServiceClient(host.Azurite.ConnectionString).GetTableClient(BenchmarkHost.TablePrefix + "ApplicationIndex");
    readonly DateTimeOffset start = DateTimeOffset.UtcNow.AddDays(-100);
    int seeded;

    /// <summary>Seeds the index up to <paramref name="applications"/> in all; returns how long it took.</summary>
    public async Task<TimeSpan> SeedToAsync(int applications)
    {
        var clock = Stopwatch.StartNew();
        var rows = Enumerable.Range(seeded, applications - seeded).Select(Application).SelectMany(a => new[]
        {
            ApplicationIndexEntity.For(ApplicationIndexEntity.All, a),
            ApplicationIndexEntity.For(ApplicationIndexEntity.StatusPartition(a.Status), a),
            ApplicationIndexEntity.For(ApplicationIndexEntity.FirmPartition(a.BusinessRegistrationNumber), a),
            ApplicationIndexEntity.For(ApplicationIndexEntity.ReceiptPartition(a.ReceiptNumber), a),
        }.Concat(FirmNameIndex.Partitions(a.FirmName).Select(partition => ApplicationIndexEntity.For(partition, a))));
        await index.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(100)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (batch, ct) => await index.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
        seeded = applications;
        return clock.Elapsed;
    }

    /// <summary>Every query of the dashboard's list, and the stats and CSV, each as p50/p95 figures.</summary>
    public async Task MeasureAsync(Results results, string section)
    {
        var day = start.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string Name, string Query)[] lists =
        [
            ("list: first page (50)", "pageSize=50"),
            ("list: status=Completed", "status=Completed&pageSize=50"),
            ("list: stage=Review, mini-cluster", "stage=Review&miniCluster=%EC%B9%9C%ED%99%98%EA%B2%BD%EB%82%98%EB%85%B8&pageSize=50"),
            ("list: q=receipt number", $"q=BM-2026-{seeded / 2:D5}"),
            ("list: q=BRN", $"q={BusinessRegistrationNumber.Digits(SampleApplications.BusinessRegistrationNumber(seeded / 2))}"),
            ("list: submitted on one day", $"submittedFrom={day}&submittedTo={day}"),
            ("list: q=firm-name part (a rare name)", "q=%ED%9D%AC%EA%B7%80"),
            ("list: q=one firm's whole name (its first pair in every name)", $"q={Uri.EscapeDataString(FirmName((seeded / 2) + 1))}"),
        ];
        foreach (var (name, query) in lists)
        {
            results.Add(section, name, await TimeAsync(() => GetAsync($"/api/admin/applications?{query}")));
        }

        var (deepName, deepQuery) = await DeepPageAsync();
        results.Add(section, deepName, await TimeAsync(() => GetAsync($"/api/admin/applications?{deepQuery}")));
        results.Add(section, "stats", await TimeAsync(() => GetAsync("/api/admin/stats")));
        results.Add(section, "CSV of everything", await TimeAsync(() => GetAsync("/api/admin/applications.csv")));
    }

    async Task<Sample> TimeAsync(Func<Task<JsonElement?>> call)
    {
        await call(); // warm-up
        var sample = new Sample();
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            sample.Add(Stopwatch.GetElapsedTime(started));
        }

        return sample;
    }

    /// <summary>The query of the last page up to the 40th (a thousand applications have 20): the pages before it walked once.</summary>
    async Task<(string Name, string Query)> DeepPageAsync()
    {
        var last = Math.Min(40, (seeded + 49) / 50);
        string? token = null;
        for (var page = 1; page < last; page++)
        {
            var body = (await GetAsync($"/api/admin/applications?{Page(token)}"))!.Value;
            token = body.GetProperty("continuationToken").GetString();
        }

        return ($"list: page {last} (continuation)", Page(token));
    }

    static string Page(string? continuationToken) =>
        "pageSize=50" + (continuationToken is null ? "" : $"&continuationToken={Uri.EscapeDataString(continuationToken)}");

    async Task<JsonElement?> GetAsync(string path)
    {
        using var response = await host.AdminAsync(HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentType?.MediaType == "application/json" ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    ApplicationEntity Application(int i) => new()
    {
        PartitionKey = $"{i:x32}",
        ReceiptNumber = $"BM-2026-{i % 100_000:D5}",
        FirmName = FirmName(i),
        BusinessRegistrationNumber = SampleApplications.BusinessRegistrationNumber(i), // distinct below 10,000
        Status = Statuses[i % Statuses.Length],
        Stage = Enum.Parse<ApplicationStatus>(Statuses[i % Statuses.Length]).Stage().ToString(),
        MiniCluster = i % 3 == 0 ? "친환경나노" : "스마트제조",
        SubmittedAt = start.AddMinutes(i * 14.4),
        UpdatedAt = start.AddMinutes(i * 14.4),
    };

    /// <summary>One firm in a thousand has a rare name; the others share all but their number.</summary>
    static string FirmName(int i) => i % 1000 == 0 ? $"희귀정밀 {i}" : $"남동기업 {i}";
}
