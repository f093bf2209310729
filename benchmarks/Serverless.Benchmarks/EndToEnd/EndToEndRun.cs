using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Serverless.Benchmarks.Hosting;
using Serverless.Benchmarks.Measuring;
using Serverless.LocalHost.DevMailbox;
using Serverless.Workflow.Calls;

namespace Serverless.Benchmarks.EndToEnd;

/// <summary>What one end-to-end run measured.</summary>
internal sealed record EndToEndResult(
    int Applications, int Completed, TimeSpan Elapsed, IReadOnlyDictionary<string, Sample> Stages, IReadOnlyDictionary<string, int> Refused, string? ShapeFrom)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
}

/// <summary>
/// N real applications over HTTP, from the form to <c>Completed</c>: the benchmark acts as every firm, reviewer and
/// expert, through the links in the captured mail, as soon as each mail arrives. Stages are timed per application
/// between what a person would see (an answer, a mail).
/// </summary>
internal sealed partial class EndToEndRun(BenchmarkHost host)
{
    // The first words of each mail's subject, Korean and English (the demo pool has reviewers of both languages).
    static readonly string[] Receipt = ["접수되었습니다", "has been received"];
    static readonly string[] ReviewRequest = ["지원 신청 검토 요청", "Review requested"];
    static readonly string[] Offer = ["전문가 과제 수행 요청", "Support task offered"];
    static readonly string[] Engagement = ["과제 수행 및 결과 보고 안내", "Your task and its report"];
    static readonly string[] FeedbackRequest = ["지원 만족도 평가 요청", "How was the support?"];
    static readonly string[] Completion = ["지원 완료 안내", "Support completed"];

    const int Submitters = 16;

    readonly ConcurrentDictionary<string, Tracked> byReceipt = new();
    readonly Dictionary<string, Sample> stages = new()
    {
        ["intake answer (POST /api/applications)"] = new(),
        ["answer to receipt mail"] = new(),
        ["confirmation to review request (screening, diagnosis, plan)"] = new(),
        ["approval to feedback request (matching, engagement)"] = new(),
        ["feedback to completion mail"] = new(),
        ["whole application"] = new(),
    };

    readonly ConcurrentDictionary<string, int> refused = new();
    int completed;

    public async Task<EndToEndResult> RunAsync(int applications, TimeSpan timeout)
    {
        await PoolOfExpertsAsync();
        await BudgetForEveryoneAsync();
        using var stop = new CancellationTokenSource();
        var feed = new MailboxFeed(host.Client).RunAsync(OnMailAsync, stop.Token);
        var clock = Stopwatch.StartNew();
        var firms = new FirmNumbers();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Submitters).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= applications)
            {
                try
                {
                    await ApplyAsync(firms.Next());
                }
                catch (HttpRequestException e)
                {
                    Refused("apply", e.Message);
                }
            }
        }));

        var nextReport = TimeSpan.FromMinutes(1);
        while (Volatile.Read(ref completed) < applications && clock.Elapsed < timeout && !feed.IsCompleted)
        {
            await Task.Delay(100);
            if (clock.Elapsed >= nextReport)
            {
                Console.WriteLine($"  N={applications} at {clock.Elapsed.TotalMinutes:0} min: {Progress()}");
                nextReport += TimeSpan.FromMinutes(1);
            }
        }

        var elapsed = clock.Elapsed;
        if (completed < applications)
        {
            Console.WriteLine($"  N={applications} cut off at {elapsed.TotalMinutes:0} min: {Progress()}");
        }

        await stop.CancelAsync();
        await feed;
        var first = byReceipt.Values.Where(t => t.Has(Moment.Completed)).MinBy(t => t.At(Moment.Completed));
        return new EndToEndResult(applications, completed, elapsed, stages, refused, first?.Application.ApplicationId);
    }

    /// <summary>
    /// Experts enough that no task waits for a free one: the demo pool alone (a few experts of a few tasks each) would
    /// leave tasks unmatched at any size worth measuring, and the benchmark measures the system, not the pool.
    /// </summary>
    async Task PoolOfExpertsAsync()
    {
        var fields = Enum.GetNames<Serverless.Workflow.Applications.DifficultyCategory>();
        for (var i = 0; i < 20; i++)
        {
            using var created = await host.AdminAsync(HttpMethod.Post, "/api/admin/experts", new
            {
                name = $"벤치 전문가 {i}", email = $"bench-expert-{i}@example.org", organization = "벤치마크기관", sector = "Industry", fields,
                yearsOfExperience = 10, maxActiveAssignments = 100, language = "ko",
            });
            created.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// A budget no approval runs out of: the demo call's would refuse approvals past its first hundred or so, and the
    /// benchmark measures the system, not the budget. The call is sent back as it reads, with the budget changed.
    /// </summary>
    async Task BudgetForEveryoneAsync()
    {
        var open = (await host.AdminJsonAsync("/api/admin/calls")).EnumerateArray().Single(call => call.GetProperty("state").GetString() == "Open");
        var call = JsonNode.Parse(open.GetRawText())!.AsObject();
        call["budgetKrw"] = CallValidator.MaxBudgetKrw;
        using var changed = await host.AdminAsync(HttpMethod.Put, $"/api/admin/calls/{open.GetProperty("callId").GetString()}", call);
        changed.EnsureSuccessStatusCode();
    }

    async Task ApplyAsync(string businessRegistrationNumber)
    {
        var started = Stopwatch.GetTimestamp();
        var (application, status) = await Firms.ApplyAsync(host.Client, businessRegistrationNumber);
        if (application is null)
        {
            Refused("apply", $"{(int)status}");
            return;
        }

        var tracked = new Tracked(application, started);
        stages["intake answer (POST /api/applications)"].Add(Stopwatch.GetElapsedTime(started, tracked.Mark(Moment.Answered)));
        byReceipt[application.ReceiptNumber] = tracked;
        Expect("upload", HttpStatusCode.Created, await Firms.UploadDocumentsAsync(host.Client, application));
        tracked.Uploaded.TrySetResult();
    }

    async Task OnMailAsync(CapturedMail mail)
    {
        if (ReceiptNumber().Match(mail.Subject) is not { Success: true } match)
        {
            return; // the demo applications' and the staff's mails
        }

        if (!byReceipt.TryGetValue(match.Value, out var tracked))
        {
            await Task.Delay(500); // the receipt mail can come before the POST's answer has been read
            if (!byReceipt.TryGetValue(match.Value, out tracked))
            {
                return;
            }
        }

        try
        {
            await ActAsync(tracked, mail);
        }
        catch (HttpRequestException e)
        {
            Refused(mail.Subject[..Math.Min(12, mail.Subject.Length)], e.Message);
        }
        catch (TaskCanceledException)
        {
            Refused(mail.Subject[..Math.Min(12, mail.Subject.Length)], "no answer within 5 minutes");
        }
    }

    async Task ActAsync(Tracked tracked, CapturedMail mail)
    {
        if (Is(mail, Receipt))
        {
            stages["answer to receipt mail"].Add(Stopwatch.GetElapsedTime(tracked.At(Moment.Answered), tracked.Mark(Moment.ReceiptMail)));
            await tracked.Uploaded.Task; // a firm confirms once its documents are in, as a firm on its page does
            Expect("confirm", HttpStatusCode.OK, await Firms.ConfirmAsync(host.Client, tracked.Application.ApplicationId, new Uri(mail.Links.Single(l => l.Contains("/firm/", StringComparison.Ordinal)))));
            tracked.Mark(Moment.Confirmed);
        }
        else if (Is(mail, ReviewRequest))
        {
            stages["confirmation to review request (screening, diagnosis, plan)"].Add(Stopwatch.GetElapsedTime(tracked.At(Moment.Confirmed)));
            Expect("approve", HttpStatusCode.OK, await LinkHolders.ApproveAsync(host.Client, LinkOf(mail)));
            tracked.Mark(Moment.Approved);
        }
        else if (Is(mail, Offer))
        {
            Expect("accept", HttpStatusCode.OK, await LinkHolders.AcceptAsync(host.Client, LinkOf(mail)));
        }
        else if (Is(mail, Engagement))
        {
            Expect("report", HttpStatusCode.OK, await LinkHolders.ReportAsync(host.Client, LinkOf(mail)));
        }
        else if (Is(mail, FeedbackRequest))
        {
            stages["approval to feedback request (matching, engagement)"].Add(Stopwatch.GetElapsedTime(tracked.At(Moment.Approved)));
            Expect("feedback", HttpStatusCode.OK, await Firms.GiveFeedbackAsync(host.Client, tracked.Application));
            tracked.Mark(Moment.FeedbackGiven);
        }
        else if (Is(mail, Completion))
        {
            var at = tracked.Mark(Moment.Completed);
            stages["feedback to completion mail"].Add(Stopwatch.GetElapsedTime(tracked.At(Moment.FeedbackGiven), at));
            stages["whole application"].Add(Stopwatch.GetElapsedTime(tracked.Started, at));
            Interlocked.Increment(ref completed);
        }
    }

    void Expect(string action, HttpStatusCode expected, HttpStatusCode answered)
    {
        if (answered != expected)
        {
            Refused(action, $"{(int)answered}");
        }
    }

    void Refused(string action, string answer) =>
        refused.AddOrUpdate($"{action} {answer}", 1, (_, n) => n + 1);

    static bool Is(CapturedMail mail, string[] subjectWords) =>
        subjectWords.Any(words => mail.Subject.Contains(words, StringComparison.Ordinal));

    static string LinkOf(CapturedMail mail) =>
        new Uri(mail.Links.First(l => l.Contains("/api/links/", StringComparison.Ordinal))).PathAndQuery;

    [GeneratedRegex(@"[A-Z]{2}-\d{4}-\d{5}")]
    private static partial Regex ReceiptNumber();

    /// <summary>How many applications have reached each moment: where a long run stands, and where a cut-off one stopped.</summary>
    string Progress() => string.Join(", ", Enum.GetValues<Moment>().Select(moment => $"{moment} {byReceipt.Values.Count(t => t.Has(moment))}"));

    enum Moment { Answered, ReceiptMail, Confirmed, Approved, FeedbackGiven, Completed }

    /// <summary>One application and the moments (Stopwatch timestamps) it reached.</summary>
    sealed class Tracked(Submitted application, long started)
    {
        readonly ConcurrentDictionary<Moment, long> moments = new();

        public Submitted Application { get; } = application;

        public long Started { get; } = started;

        public TaskCompletionSource Uploaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The moment, set to now the first time (a mail sent again does not move it).</summary>
        public long Mark(Moment moment) => moments.GetOrAdd(moment, _ => Stopwatch.GetTimestamp());

        /// <summary>When the moment came, or when the application started if it has not (yet) been seen.</summary>
        public long At(Moment moment) => moments.TryGetValue(moment, out var at) ? at : Started;

        public bool Has(Moment moment) => moments.ContainsKey(moment);
    }
}
