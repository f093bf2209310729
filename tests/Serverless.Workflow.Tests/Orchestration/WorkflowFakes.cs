using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;
using Xunit;

namespace Serverless.Workflow.Tests.Orchestration;

/// <summary>
/// Stand-ins for every activity of <see cref="WorkflowTasks"/>, registered under the real activity names beside the real
/// <see cref="SupportApplicationOrchestrator"/> on the in-memory test host. The orchestrator's decisions are tested
/// without storage, SendGrid or Azurite, and only through what crosses its boundary: every call is recorded in order,
/// so a test sees what a user would notice (the mails' intent keys, the statuses recorded, the offers made).
/// </summary>
internal sealed class WorkflowFakes
{
    /// <summary>How long a test waits for anything: far beyond the seconds a step takes, even on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public const string Reviewer = "reviewer-1";
    public const string EscalationReviewer = "escalation-1";

    readonly Lock gate = new();
    readonly List<(string Activity, object Input)> calls = [];

    /// <summary>The timers the orchestrator gets: the defaults (days) unless a test shortens the ones it is about.</summary>
    public WorkflowOptions Options { get; init; } = new();

    /// <summary>The support plan's task ids.</summary>
    public IReadOnlyList<string> Plan { get; init; } = ["T1"];

    /// <summary>Who an offer goes to; null: nobody is left for the task.</summary>
    public Func<OfferWanted, string?> Expert { get; init; } = wanted => $"expert-{wanted.TaskId}-{wanted.Offer}";

    /// <summary>The inputs of the calls made so far with an input of type <typeparamref name="T"/>, in order.</summary>
    public IReadOnlyList<T> Calls<T>()
    {
        lock (gate)
        {
            return [.. calls.Select(call => call.Input).OfType<T>()];
        }
    }

    /// <summary>Whether the orchestration called <paramref name="activity"/> at all.</summary>
    public bool Called(string activity)
    {
        lock (gate)
        {
            return calls.Any(call => call.Activity == activity);
        }
    }

    public IReadOnlyList<ApplicationStatus> Statuses => [.. Calls<StatusChange>().Select(change => change.Status)];

    public IReadOnlyList<string> MailKeys => [.. Calls<EmailRequest>().Select(mail => mail.Key)];

    /// <summary>
    /// Waits until <paramref name="condition"/> holds: polled, as the orchestration runs on the host's threads. A test
    /// waits for what it can observe before it raises the next event, rather than racing the timers.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                lock (gate)
                {
                    Assert.Fail($"Gave up waiting for {what}. Calls: {string.Join(", ", calls.Select(call => $"{call.Activity}({call.Input})"))}");
                }
            }

            await Task.Delay(20);
        }
    }

    public Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    public Task<DurableTaskTestHost> StartHostAsync() =>
        DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestrator<SupportApplicationOrchestrator>();
                Add<string, WorkflowOptions>(registry, nameof(LoadWorkflowOptionsActivity), _ => Options);
                Add<StatusChange, ApplicationStatus>(registry, nameof(RecordStatusActivity), change => change.Status);
                Add<EmailRequest, bool>(registry, nameof(SendEmailActivity), _ => true);
                Add<string, ScreeningResult>(registry, nameof(ScreenApplicationActivity), _ => new ScreeningResult(true, [], []));
                Add<DiagnoseRequest, int>(registry, nameof(DiagnoseApplicationActivity), _ => 1);
                Add<ReviewerWanted, string?>(
                    registry, nameof(AssignReviewerActivity), wanted => wanted.Role == ReviewerRole.Reviewer ? Reviewer : EscalationReviewer);
                Add<ReviewLinkWanted, bool>(registry, nameof(SendReviewLinkActivity), _ => true);
                Add<ReviewClosing, int>(registry, nameof(CloseReviewActivity), _ => 0);
                Add<string, IReadOnlyList<string>>(registry, nameof(LoadPlanActivity), _ => Plan);
                Add<OfferWanted, string?>(registry, nameof(OfferTaskActivity), wanted => Expert(wanted));
                Add<OfferOutcome, bool>(registry, nameof(AnswerOfferActivity), _ => true);
                Add<EngagementLinkWanted, bool>(registry, nameof(SendEngagementLinkActivity), _ => true);
                Add<TaskEvent, IReadOnlyList<string>>(registry, nameof(RecordTaskActivity), taskEvent => [taskEvent.TaskId]);
                Add<FeedbackLinkWanted, bool>(registry, nameof(SendFeedbackLinkActivity), _ => true);
                Add<string, IReadOnlyList<string>>(registry, nameof(FinishApplicationActivity), _ => [.. Plan.Select(task => $"{task}: done")]);
            },
            new DurableTaskTestHostOptions { Port = FreePort() });

    void Add<TInput, TOutput>(DurableTaskRegistry registry, string activity, Func<TInput, TOutput> fake) =>
        registry.AddActivityFunc<TInput, TOutput>(activity, (_, input) =>
        {
            lock (gate)
            {
                calls.Add((activity, input!));
            }

            return fake(input);
        });

    /// <summary>
    /// The host otherwise picks a random port in 30000-40000, which can be taken on a machine where other test hosts
    /// and local hosts run at the same time; the one the system hands out is free.
    /// </summary>
    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
