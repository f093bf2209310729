using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// Crashes of the local host as users run it: the host starts its own Azurite with its data on disk, is killed with
/// SIGKILL three times (right after acknowledged intake and uploads, right after the reviewers' link POSTs, in the
/// middle of the experts' acceptances) and started again on the same data each time. Every application then reaches
/// Completed with nothing lost and nothing doubled.
/// </summary>
[Collection(OneAtATimeTests.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    const int Applications = 20;

    /// <summary>A restarted host first waits out the killed host's partition lease (30 s).</summary>
    static readonly TimeSpan AfterRestart = TimeSpan.FromMinutes(3);

    /// <summary>The kill comes this soon after the last acknowledgement: well inside Azurite's 5 s save interval.</summary>
    static readonly TimeSpan KillAfterAcknowledged = TimeSpan.FromMilliseconds(300);

    readonly string dataPath = Path.Combine(Path.GetTempPath(), AzuriteFixture.Unique("crash"));

    Dictionary<string, string> Settings => new()
    {
        ["LocalHost:Azurite:DataPath"] = dataPath,
        ["LocalHost:Azurite:BlobPort"] = "0",
        ["LocalHost:Azurite:QueuePort"] = "0",
        ["LocalHost:Azurite:TablePort"] = "0",
        ["LocalHost:AdminKey"] = IntakeHostFixture.AdminKey,

        // A killed host's dequeued messages come back after this, not after the default 5 minutes.
        ["Durable:MessageVisibilityTimeout"] = "00:00:30",
        ["Workflow:ReviewReminderAfter"] = "1.00:00:00",
        ["Workflow:ReviewEscalateAfter"] = "2.00:00:00",
        ["Workflow:FeedbackDeadline"] = "00:00:03",

        // A mail cut short in SendGrid's hands is reported once the longest send (3 tries, this apart) is past.
        ["Email:MaxRetryAfter"] = "00:00:05",
    };

    static readonly string[] CutShortNotice = ["메일 발송 확인 필요"];

    [Fact]
    public async Task ThreeKills_AtDifferentSteps_EveryApplicationCompletes_NothingLostNorDoubled()
    {
        var recoveries = new List<TimeSpan>();
        var host = await LocalHostProcess.StartAsync(Settings);
        try
        {
            // The test's own call and pools (its host's Azurite is its own): three reviewers, two experts with room
            // for every task (the sample's plan has an export task and a marketing one).
            await AdminApi.CreateCallAsync(host, "growth-stage", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), StandingCall.BudgetKrw);
            foreach (var reviewer in new[] { "복구검토1", "복구검토2", "복구검토3" })
            {
                await AdminApi.AddReviewerAsync(host, reviewer);
            }

            await SupportFlow.AddExpertAsync(host, "복구수출", ["Export", "Marketing"], max: 2 * Applications);
            await SupportFlow.AddExpertAsync(host, "복구판로", ["Export", "Marketing"], max: 2 * Applications);

            // Kill 1: right after every application was acknowledged (202) and half of them had uploaded their documents.
            var firms = Enumerable.Range(0, Applications).Select(_ => FirmFlow.NewFirm()).ToList();
            var applications = await People.InParallelAsync(firms, firm =>
                FirmFlow.SubmitAsync(host, firm, json: SupportFlow.ApplicationJson(firm, ["Export"])));
            await People.InParallelAsync(applications.Take(Applications / 2), a => FirmFlow.UploadRequiredAsync(host, a));
            host = await KillAndRestartAsync(host, recoveries);

            var views = await People.InParallelAsync(applications, a => FirmFlow.GetAsync(host, a));
            Assert.All(views, view => Assert.NotEqual("", view.GetProperty("receiptNumber").GetString()));
            var receipts = views.Select(view => view.GetProperty("receiptNumber").GetString()!).ToList();

            // Kill 2: right after every reviewer's approval answered 200.
            await People.InParallelAsync(applications.Skip(Applications / 2), a => FirmFlow.UploadRequiredAsync(host, a));
            var inReview = await People.InParallelAsync(applications, a => FirmFlow.WaitForStatusAsync(host, a, "AwaitingReview", AfterRestart));
            var tasks = inReview.SelectMany((view, i) => view.GetProperty("plan").GetProperty("tasks").EnumerateArray()
                .Select(task => (Receipt: receipts[i], TaskId: task.GetProperty("taskId").GetString()!))).ToList();
            await People.InParallelAsync(receipts, async receipt =>
            {
                // Kill 1 may have cut a review mail short as it went to SendGrid: the staff are told, and resend it.
                if (await MailOrNoticeAsync(host, receipt, m => Mailbox.IsAbout(m, receipt, ReviewFlow.RequestSubject), "review-0-request"))
                {
                    using var resent = await AdminApi.SendAsync(host, HttpMethod.Post, $"/api/admin/applications/{applications[receipts.IndexOf(receipt)].ApplicationId}/resend");
                    Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
                }

                var (_, link) = await ReviewFlow.LinkMailAsync(host, receipt, ReviewFlow.RequestSubject);
                await ReviewFlow.DecideOkAsync(host, link, "approve");
            });
            host = await KillAndRestartAsync(host, recoveries);

            // Kill 3: with half of the offers accepted.
            await People.InParallelAsync(tasks.Take(tasks.Count / 2), task => SupportFlow.AcceptAsync(host, task.Receipt, task.TaskId));
            host = await KillAndRestartAsync(host, recoveries);
            await People.InParallelAsync(tasks.Skip(tasks.Count / 2), task => SupportFlow.AcceptAsync(host, task.Receipt, task.TaskId));

            // A kill while SendGrid had a mail leaves it unknown whether it went: it is not sent again, the staff are told,
            // and they resend the link (as the notice asks). Only then do the experts report, on their newest links.
            var cutShort = await People.InParallelAsync(tasks, task => MailOrNoticeAsync(
                host, task.Receipt, m => Mailbox.IsAbout(m, task.Receipt, SupportFlow.EngagementSubject) && m.Subject.EndsWith($"({task.TaskId})", StringComparison.Ordinal),
                $"Engagement-{task.TaskId}"));
            foreach (var receipt in tasks.Where((_, t) => cutShort[t]).Select(task => task.Receipt).Distinct())
            {
                var application = applications[receipts.IndexOf(receipt)];
                using var resent = await AdminApi.SendAsync(host, HttpMethod.Post, $"/api/admin/applications/{application.ApplicationId}/resend");
                Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
            }

            await People.InParallelAsync(tasks.Where((_, t) => cutShort[t]), task =>
                SupportFlow.TaskMailAsync(host, task.Receipt, task.TaskId, SupportFlow.ReportReminderSubject));
            await People.InParallelAsync(tasks, async task =>
            {
                using var reported = await SupportFlow.ReportAsync(host, await NewestReportLinkAsync(host, task.Receipt, task.TaskId), $"{task.Receipt} {task.TaskId} 완료");
                Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
            });
            var completed = await People.InParallelAsync(applications, a => FirmFlow.WaitForStatusAsync(host, a, "Completed", AfterRestart));

            output.WriteLine($"Recovery after each kill (restart to the first application's next step): {string.Join(", ", recoveries.Select(r => $"{r.TotalSeconds:0.0} s"))}");
            output.WriteLine($"Engagement mails cut short by a kill, reported to the staff and resent: {cutShort.Count(c => c)}");
            Assert.All(completed, view =>
            {
                // A firm whose documents were in before screening never waits for them; no status is written twice.
                var timeline = FirmFlow.Timeline(view);
                string[] documents = timeline.Contains("AwaitingDocuments") ? ["AwaitingDocuments"] : [];
                Assert.Equal(
                    ["Submitted", .. documents, "Diagnosed", "AwaitingReview", "Approved", "Matching", "InProgress", "AwaitingFeedback", "Completed"],
                    timeline);
            });
            Assert.Equal(tasks.Count, completed.Sum(view => view.GetProperty("assignments").GetArrayLength()));

            await Bookkeeping.AssertEachMailOnceAsync(host, receipts);
            await Bookkeeping.AssertPoolsGivenBackAsync(host, tasks.Count);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits for the mail, or for the staff's notice that a kill cut it short (named by the mail's intent key); true
    /// for the notice.
    /// </summary>
    static async Task<bool> MailOrNoticeAsync(LocalHostProcess host, string receipt, Func<MailMessage, bool> isTheMail, string intentKey)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < AfterRestart)
        {
            var mails = await Mailbox.MessagesAsync(host);
            if (mails.Any(isTheMail))
            {
                return false;
            }

            if (mails.Any(m => Mailbox.IsAbout(m, receipt, CutShortNotice) && m.Subject.EndsWith($"({intentKey})", StringComparison.Ordinal)))
            {
                return true;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Neither the mail {intentKey} of {receipt} nor a notice that it was cut short.\n{host.Output}");
    }

    /// <summary>The link of the task's newest report mail (a resend revokes the links before it).</summary>
    static async Task<string> NewestReportLinkAsync(LocalHostProcess host, string receipt, string taskId)
    {
        var newest = (await Mailbox.MessagesAsync(host))
            .Where(m => (Mailbox.IsAbout(m, receipt, SupportFlow.EngagementSubject) || Mailbox.IsAbout(m, receipt, SupportFlow.ReportReminderSubject))
                && m.Subject.EndsWith($"({taskId})", StringComparison.Ordinal))
            .MaxBy(m => m.SentAt)!;
        return new Uri(newest.Links.Single(l => l.Contains("/api/links/", StringComparison.Ordinal))).AbsolutePath;
    }

    async Task<LocalHostProcess> KillAndRestartAsync(LocalHostProcess host, List<TimeSpan> recoveries)
    {
        await Task.Delay(KillAfterAcknowledged);
        await host.KillAsync();
        await host.DisposeAsync();

        var clock = Stopwatch.StartNew();
        var restarted = await LocalHostProcess.StartAsync(Settings);
        await WaitUntilEngineWorksAsync(restarted);
        recoveries.Add(clock.Elapsed);
        return restarted;
    }

    /// <summary>A new application reaching its first waiting step proves the engine has its partition again.</summary>
    static async Task WaitUntilEngineWorksAsync(LocalHostProcess host)
    {
        var probe = await FirmFlow.SubmitAsync(host);
        await FirmFlow.WaitForStatusAsync(host, probe, "AwaitingDocuments", AfterRestart);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
