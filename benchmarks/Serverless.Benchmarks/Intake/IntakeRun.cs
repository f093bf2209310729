using System.Diagnostics;
using System.Net;
using System.Text;
using Serverless.Benchmarks.EndToEnd;
using Serverless.Benchmarks.Hosting;
using Serverless.Benchmarks.Measuring;

namespace Serverless.Benchmarks.Intake;

/// <summary><c>POST /api/applications</c> under an offered load (open loop) and from busy clients (closed loop).</summary>
internal sealed class IntakeRun(BenchmarkHost host)
{
    readonly FirmNumbers firms = new();
    long answersCounted;
    long businessRequests;
    long engineRequests;

    /// <summary>
    /// The storage requests of an accepted submission so far, on average, as the host lists them in each answer
    /// (<c>X-Storage-Requests</c>): on the business storage, and on the engine's (named by its task hub).
    /// </summary>
    public (double Business, double Engine) RequestsPerSubmission => answersCounted == 0
        ? (0, 0)
        : ((double)businessRequests / answersCounted, (double)engineRequests / answersCounted);

    /// <summary>Starts one submission every 1/<paramref name="perSecond"/> s whatever the answers do; their latencies.</summary>
    public async Task<(Sample Latency, int Refused)> OpenLoopAsync(double perSecond, TimeSpan duration)
    {
        var latency = new Sample();
        var refused = 0;
        var submissions = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            submissions.Add(Task.Run(async () =>
            {
                if (!await SubmitAsync(latency))
                {
                    Interlocked.Increment(ref refused);
                }
            }));
        }

        await Task.WhenAll(submissions);
        return (latency, refused);
    }

    /// <summary><paramref name="clients"/> clients, each submitting again as soon as it has its answer.</summary>
    public async Task<(Sample Latency, double PerSecond, int Refused)> ClosedLoopAsync(int clients, int submissions)
    {
        var latency = new Sample();
        var refused = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= submissions)
            {
                if (!await SubmitAsync(latency))
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        return (latency, submissions / clock.Elapsed.TotalSeconds, refused);
    }

    async Task<bool> SubmitAsync(Sample latency)
    {
        using var content = new StringContent(Firms.ApplicationJson(firms.Next()), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await host.Client.PostAsync(new Uri("/api/applications", UriKind.Relative), content);
        latency.Add(Stopwatch.GetElapsedTime(started));
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return false;
        }

        Count(response.Headers.GetValues(BenchmarkHost.StorageRequestsHeader).Single().Split(", "));
        return true;
    }

    void Count(string[] requests)
    {
        var engine = requests.Count(r => r.Contains(BenchmarkHost.TaskHub, StringComparison.OrdinalIgnoreCase));
        Interlocked.Add(ref engineRequests, engine);
        Interlocked.Add(ref businessRequests, requests.Length - engine);
        Interlocked.Increment(ref answersCounted);
    }
}
