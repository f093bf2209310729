using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Workflow.Applications;

// Seeds the ApplicationIndex of a running host's storage with N applications (index rows only, as the projection
// writes them), then times the admin list as the dashboard calls it.
// Usage: <storage connection string> <table prefix> <host url> <admin key> [applications=10000] [repeats=20]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: <storage connection string> <table prefix> <host url> <admin key> [applications] [repeats]");
    return 2;
}

var (connection, prefix, host, key) = (args[0], args[1], args[2].TrimEnd('/'), args[3]);
var count = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10_000;
var repeats = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 20;
var index = new TableServiceClient(connection).GetTableClient(prefix + "ApplicationIndex");
string[] statuses = ["AwaitingDocuments", "AwaitingReview", "InProgress", "Completed", "Rejected", "Expired"];

var seeding = Stopwatch.StartNew();
var start = DateTimeOffset.UtcNow.AddDays(-count / 100.0);
var applications = Enumerable.Range(0, count).Select(i => new ApplicationEntity
{
    PartitionKey = $"{i:x32}",
    ReceiptNumber = $"BM-2026-{i % 100_000:D5}",
    FirmName = i % 1000 == 0 ? $"희귀정밀 {i}" : $"남동기업 {i}",
    BusinessRegistrationNumber = ValidBrn(i),
    Status = statuses[i % statuses.Length],
    Stage = Enum.Parse<ApplicationStatus>(statuses[i % statuses.Length]).Stage().ToString(),
    MiniCluster = i % 3 == 0 ? "친환경나노" : "스마트제조",
    SubmittedAt = start.AddMinutes(i * 14.4),
    UpdatedAt = start.AddMinutes(i * 14.4),
}).ToList();
var rows = applications.SelectMany(a => new[]
{
    ApplicationIndexEntity.For(ApplicationIndexEntity.All, a),
    ApplicationIndexEntity.For(ApplicationIndexEntity.StatusPartition(a.Status), a),
    ApplicationIndexEntity.For(ApplicationIndexEntity.FirmPartition(a.BusinessRegistrationNumber), a),
    ApplicationIndexEntity.For(ApplicationIndexEntity.ReceiptPartition(a.ReceiptNumber), a),
});
await Parallel.ForEachAsync(rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(100)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
    async (batch, ct) => await index.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct));
Console.WriteLine($"seeded {count} applications ({count * 4} index rows) in {seeding.Elapsed.TotalSeconds:F1} s");

using var client = new HttpClient { BaseAddress = new Uri(host) };
client.DefaultRequestHeaders.Add("x-functions-key", key);

async Task<(double Ms, JsonElement Page)> TimeAsync(string query)
{
    var clock = Stopwatch.StartNew();
    var page = await client.GetFromJsonAsync<JsonElement>($"/api/admin/applications?{query}");
    return (clock.Elapsed.TotalMilliseconds, page);
}

async Task ReportAsync(string label, Func<Task<double>> measure)
{
    await measure(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        times.Add(await measure());
    }

    times.Sort();
    Console.WriteLine($"{label,-52} p50 {times[times.Count / 2],7:F1} ms   p95 {times[(int)(times.Count * 0.95)],7:F1} ms   max {times[^1],7:F1} ms");
}

await ReportAsync("first page, newest first (pageSize 50)", async () => (await TimeAsync("pageSize=50")).Ms);
await ReportAsync("status=Completed (pageSize 50)", async () => (await TimeAsync("status=Completed&pageSize=50")).Ms);
await ReportAsync("stage=Review, miniCluster (pageSize 50)", async () => (await TimeAsync("stage=Review&miniCluster=%EC%B9%9C%ED%99%98%EA%B2%BD%EB%82%98%EB%85%B8&pageSize=50")).Ms);
await ReportAsync("q=receipt number", async () => (await TimeAsync("q=BM-2026-04321")).Ms);
await ReportAsync("q=BRN without hyphens", async () => (await TimeAsync($"q={ValidBrn(4321).Replace("-", "", StringComparison.Ordinal)}")).Ms);
await ReportAsync("submitted range of one day", async () => (await TimeAsync($"submittedFrom={start.AddDays(40):yyyy-MM-dd}&submittedTo={start.AddDays(40):yyyy-MM-dd}")).Ms);
await ReportAsync("q=firm-name substring, rare (scans the index)", async () => (await TimeAsync("q=%ED%9D%AC%EA%B7%80")).Ms);
await ReportAsync("page 40 of 200 (continuation, pageSize 50) per page", async () =>
{
    string? token = null;
    double last = 0;
    for (var page = 0; page < 40; page++)
    {
        var (ms, body) = await TimeAsync("pageSize=50" + (token is null ? "" : $"&continuationToken={token}"));
        token = body.GetProperty("continuationToken").GetString();
        last = ms;
    }

    return last;
});
await ReportAsync("CSV export of everything", async () =>
{
    var clock = Stopwatch.StartNew();
    var csv = await client.GetByteArrayAsync("/api/admin/applications.csv");
    return clock.Elapsed.TotalMilliseconds;
});
return 0;

// A business registration number with a valid check digit for a serial (office 120, type 81).
static string ValidBrn(int serial)
{
    var nine = $"12081{serial % 10_000:D4}";
    var digits = Enumerable.Range(0, 10).Select(check => nine + check).First(BusinessRegistrationNumber.HasValidCheckDigit);
    return $"{digits[..3]}-{digits[3..5]}-{digits[5..]}";
}
