using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.LocalHost.Azurite;
using Serverless.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// Storage away mid-flight, as a short outage of Azure Storage would be: the test runs the one Azurite that holds the
/// host's tables, blobs and the engine's queues, stops it for 10 s (while screening and diagnosis run) and for 60 s
/// (while the experts' offers go out), and starts it again on the same data and ports. The host says so on its health
/// route, intake answers 503 with Retry-After, and afterwards every application carries on to Completed: none Failed.
/// </summary>
[Collection(OneAtATimeTests.Name)]
public sealed class OutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    const int Applications = 6;

    /// <summary>After storage is back, the engine first gets its partition lease again.</summary>
    static readonly TimeSpan AfterOutage = TimeSpan.FromMinutes(3);

    readonly string dataPath = Path.Combine(Path.GetTempPath(), AzuriteFixture.Unique("outage"));

    readonly string tablePrefix = AzuriteFixture.Unique();

    readonly string taskHub = AzuriteFixture.Unique("hub");

    AzuriteProcess? storage;

    public async Task InitializeAsync() =>
        storage = await AzuriteProcess.StartAsync(new AzuriteOptions { DataPath = dataPath, BlobPort = 0, QueuePort = 0, TablePort = 0 }, CancellationToken.None);

    Dictionary<string, string> Settings => new()
    {
        ["Storage:ConnectionString"] = storage!.ConnectionString,
        ["Durable:ConnectionString"] = storage.ConnectionString,
        ["Storage:TablePrefix"] = tablePrefix,
        ["Durable:TaskHub"] = taskHub,
        ["LocalHost:AdminKey"] = IntakeHostFixture.AdminKey,
        ["Durable:MessageVisibilityTimeout"] = "00:00:30",

        // The retries of the real defaults (an hour, backing off to 5 minutes), only with shorter waits.
        ["Workflow:ActivityRetryFirstInterval"] = "00:00:01",
        ["Workflow:ActivityRetryMaxInterval"] = "00:00:05",
        ["Workflow:FeedbackDeadline"] = "00:00:03",
    };

    [Fact]
    public async Task StorageAwayFor10sThen60s_IntakeAnswers503_AndEveryApplicationCompletes_NoneFailed()
    {
        await using var host = await LocalHostProcess.StartAsync(Settings);
        await AdminApi.AddReviewerAsync(host, "장애검토");
        await SupportFlow.AddExpertAsync(host, "장애수출", ["Export", "Marketing"], max: 2 * Applications);

        var firms = Enumerable.Range(0, Applications).Select(_ => FirmFlow.NewFirm()).ToList();
        var applications = await People.InParallelAsync(firms, firm => FirmFlow.SubmitAsync(host, firm, json: SupportFlow.ApplicationJson(firm, ["Export"])));
        await People.InParallelAsync(applications.Take(Applications / 2), a => FirmFlow.UploadRequiredAsync(host, a));

        // Outage 1, 10 s, while the first half is screened and diagnosed; a firm applying meanwhile is asked to retry.
        var lateFirm = FirmFlow.NewFirm();
        var lateKey = Guid.NewGuid().ToString();
        await OutageAsync(host, TimeSpan.FromSeconds(10), async () =>
        {
            using var refused = await FirmFlow.PostAsync(host, SupportFlow.ApplicationJson(lateFirm, ["Export"]), lateKey);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        });
        using (var retried = await FirmFlow.PostAsync(host, SupportFlow.ApplicationJson(lateFirm, ["Export"]), lateKey))
        {
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
            var late = FirmFlow.Submitted.From(await retried.Content.ReadFromJsonAsync<JsonElement>());
            await FirmFlow.ConfirmAsync(host, late);
            applications.Add(late);
        }

        await People.InParallelAsync(applications.Skip(Applications / 2), a => FirmFlow.UploadRequiredAsync(host, a));
        var inReview = await People.InParallelAsync(applications, a => FirmFlow.WaitForStatusAsync(host, a, "AwaitingReview", AfterOutage));
        var receipts = inReview.Select(view => view.GetProperty("receiptNumber").GetString()!).ToList();
        var tasks = inReview.SelectMany((view, i) => view.GetProperty("plan").GetProperty("tasks").EnumerateArray()
            .Select(task => (Receipt: receipts[i], TaskId: task.GetProperty("taskId").GetString()!))).ToList();
        await People.InParallelAsync(receipts, async receipt =>
        {
            var (_, link) = await ReviewFlow.LinkMailAsync(host, receipt, ReviewFlow.RequestSubject);
            await ReviewFlow.DecideOkAsync(host, link, "approve");
        });

        // Outage 2, 60 s, while the approvals are recorded and the offers go out.
        await OutageAsync(host, TimeSpan.FromSeconds(60), () => Task.CompletedTask);

        await People.InParallelAsync(tasks, async task =>
        {
            var (_, offer) = await SupportFlow.TaskMailAsync(host, task.Receipt, task.TaskId, SupportFlow.OfferSubject, AfterOutage);
            using var accepted = await SupportFlow.AnswerAsync(host, offer, "accept");
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var (_, report) = await SupportFlow.TaskMailAsync(host, task.Receipt, task.TaskId, SupportFlow.EngagementSubject, AfterOutage);
            using var reported = await SupportFlow.ReportAsync(host, report, $"{task.Receipt} {task.TaskId} 완료");
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        });
        var completed = await People.InParallelAsync(applications, a => FirmFlow.WaitForStatusAsync(host, a, "Completed", AfterOutage));

        Assert.All(completed, view => Assert.DoesNotContain("Failed", FirmFlow.Timeline(view)));
        await Bookkeeping.AssertEachMailOnceAsync(host, receipts);
        await Bookkeeping.AssertPoolsGivenBackAsync(host, tasks.Count);
    }

    /// <summary>Stops storage for as long as given (doing what is given meanwhile), then starts it again on the same data and ports.</summary>
    async Task OutageAsync(LocalHostProcess host, TimeSpan length, Func<Task> meanwhile)
    {
        var (blob, queue, table) = (storage!.BlobPort, storage.QueuePort, storage.TablePort);
        var clock = Stopwatch.StartNew();
        await storage.DisposeAsync();

        await Task.WhenAll(meanwhile(), AssertUnhealthyAsync(host));
        await Task.Delay(length - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        storage = await AzuriteProcess.StartAsync(
            new AzuriteOptions { DataPath = dataPath, BlobPort = blob, QueuePort = queue, TablePort = table }, CancellationToken.None);
        Assert.Equal((blob, queue, table), (storage.BlobPort, storage.QueuePort, storage.TablePort));
        output.WriteLine($"Storage away for {clock.Elapsed.TotalSeconds:0.0} s");
    }

    static async Task AssertUnhealthyAsync(LocalHostProcess host)
    {
        using var health = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", report.GetProperty("checks").GetProperty("tables").GetString());
    }

    public async Task DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }

        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
