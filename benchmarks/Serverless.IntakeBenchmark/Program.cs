using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Serverless.Workflow.Applications;

// Submits applications from N concurrent clients to a running host and reports latency percentiles.
// Usage: dotnet run -c Release --project benchmarks/Serverless.IntakeBenchmark -- [url] [clients] [requests]
var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:7071");
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 800;
var warmup = Math.Min(50, requests / 10);

using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
var firms = new FirmNumbers();

await RunAsync(warmup, Math.Min(clients, warmup));
var (latencies, failures, elapsed) = await RunAsync(requests, clients);

latencies.Sort();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{requests} submissions, {clients} concurrent clients, {elapsed.TotalSeconds:0.0} s ({requests / elapsed.TotalSeconds:0} /s), {failures} not 202"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency ms: p50 {Percentile(50):0.0}  p90 {Percentile(90):0.0}  p99 {Percentile(99):0.0}  max {latencies[^1]:0.0}"));
return failures == 0 ? 0 : 1;

async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> RunAsync(int count, int concurrency)
{
    var latencies = new List<double>(count);
    var failures = 0;
    var next = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= count)
        {
            using var content = new StringContent(Application(firms.Next()), Encoding.UTF8, "application/json");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(new Uri("/api/applications", UriKind.Relative), content);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies)
            {
                latencies.Add(ms);
                failures += response.StatusCode == HttpStatusCode.Accepted ? 0 : 1;
            }
        }
    }));
    return (latencies, failures, clock.Elapsed);
}

static string Application(string brn) => $$"""
    {"firm":{"businessRegistrationNumber":"{{brn}}","name":"벤치마크정밀(주)","representative":"홍길동","foundedOn":"2015-03-01",
      "industryCode":"C29","employees":42,"technicalStaff":8,"email":"bench@example.com"},
     "financials":[{"year":2025,"revenueKrw":5200000000,"exportKrw":800000000,"rdSpendKrw":300000000}],
     "technology":{"trl":6,"patents":3,"hasResearchLab":true,"certifications":["Innobiz"]},
     "selfAssessment":{"rnd":3,"commercialization":4,"marketing":2,"people":2,"finance":3,"management":3},
     "difficulties":[{"category":"Export","description":"해외 판로 개척"}]}
    """;

/// <summary>Valid business registration numbers no earlier run used: a random office code, then serials.</summary>
sealed class FirmNumbers
{
    readonly int office = Random.Shared.Next(101, 1000);
    int serial;

    public string Next()
    {
        var n = Interlocked.Increment(ref serial);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{office}{81 + (n / 10000 % 8)}{n % 10000:D4}");
        var check = Enumerable.Range(0, 10).First(c => BusinessRegistrationNumber.HasValidCheckDigit(nine + c));
        return $"{nine[..3]}-{nine[3..5]}-{nine[5..]}{check}";
    }
}
