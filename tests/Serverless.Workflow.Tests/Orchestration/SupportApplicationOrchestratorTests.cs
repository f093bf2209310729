using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Email;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;
using Xunit;

namespace Serverless.Workflow.Tests.Orchestration;

/// <summary>
/// The workflow's decisions (docs/workflow.md, steps 4-8 and termination), taken by the real orchestrator on the
/// in-memory Durable Task test host with fake activities (<see cref="WorkflowFakes"/>): seconds-long timers instead
/// of days, no Azurite. Each test drives one application by the events the HTTP handlers would raise, and asserts on
/// what the orchestration did: how it ended, the statuses it recorded, the mails it asked for, the offers it made.
/// </summary>
public sealed class SupportApplicationOrchestratorTests
{
    const string Id = "app-1";

    /// <summary>
    /// Step 0: an application the firm never confirms from its receipt mail expires at the confirmation deadline, with
    /// no mail but the receipt (the address may not be the firm's) and nothing screened.
    /// </summary>
    [Fact]
    public async Task Confirmation_NeverGiven_ExpiresWithoutAnotherMail()
    {
        var fakes = new WorkflowFakes { Options = new WorkflowOptions { ConfirmationDeadline = TimeSpan.FromSeconds(2) } };
        await using var host = await fakes.StartHostAsync();
        await StartUnconfirmedAsync(host);

        Assert.Equal(ApplicationStatus.Expired, (await EndedAsync(host)).ReadOutputAs<ApplicationStatus>());
        Assert.Equal<ApplicationStatus>([ApplicationStatus.Expired], fakes.Statuses);
        Assert.Equal<string>(["receipt"], fakes.MailKeys);
        Assert.Single(fakes.Calls<EmailRequest>()[0].Details!); // the receipt says until when to confirm
        Assert.False(fakes.Called(nameof(ScreenApplicationActivity)));
    }

    /// <summary>
    /// An instance started before confirmation existed (version 2: no engine version, the input says 2) keeps its
    /// path: it is screened and diagnosed without waiting for a confirmation that will never come.
    /// </summary>
    [Fact]
    public async Task VersionTwoInstance_RunsWithoutConfirmation()
    {
        var fakes = new WorkflowFakes();
        await using var host = await fakes.StartHostAsync();
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SupportApplicationOrchestrator), new ApplicationStarted(Id, 2), new StartOrchestrationOptions { InstanceId = Id });

        await UntilWaitingForReviewAsync(host, fakes, Id);
        Assert.Equal<ApplicationStatus>([ApplicationStatus.Diagnosed, ApplicationStatus.AwaitingReview], fakes.Statuses);
        Assert.Empty(fakes.Calls<EmailRequest>()[0].Details ?? []); // the receipt of version 2: nothing to confirm
    }

    /// <summary>
    /// Step 4: a reviewer who never decides gets a reminder with a new link, then an Escalation reviewer a link of
    /// their own, and at the round's deadline the application is Expired and the firm told which step it was.
    /// </summary>
    [Fact]
    public async Task Review_WithNoDecision_RemindsThenEscalates_AndExpiresAtTheDeadline()
    {
        // A second between reminder and escalation, two more to the deadline: escalation happens only before the
        // deadline, so a slow machine has that margin.
        var fakes = new WorkflowFakes
        {
            Options = new WorkflowOptions
            {
                ReviewReminderAfter = TimeSpan.FromSeconds(1),
                ReviewEscalateAfter = TimeSpan.FromSeconds(2),
                ReviewDeadline = TimeSpan.FromSeconds(4),
            },
        };
        await using var host = await fakes.StartHostAsync();
        await StartAsync(host);

        Assert.Equal(ApplicationStatus.Expired, (await EndedAsync(host)).ReadOutputAs<ApplicationStatus>());
        Assert.Equal<(string, ReviewMailKind, string)>(
            [
                (WorkflowFakes.Reviewer, ReviewMailKind.Request, "review-0-request"),
                (WorkflowFakes.Reviewer, ReviewMailKind.Reminder, "review-0-reminder"),
                (WorkflowFakes.EscalationReviewer, ReviewMailKind.Escalation, "review-0-escalation"),
            ],
            fakes.Calls<ReviewLinkWanted>().Select(link => (link.ReviewerId, link.Kind, link.Key)));
        Assert.Null(Assert.Single(fakes.Calls<ReviewClosing>()).Decision);
        Assert.Equal<ApplicationStatus>([ApplicationStatus.Diagnosed, ApplicationStatus.AwaitingReview, ApplicationStatus.Expired], fakes.Statuses);
        Assert.Equal<string>(["receipt", "expired"], fakes.MailKeys);
        Assert.Equal<string>([ExpiredSteps.Review], fakes.Calls<EmailRequest>()[^1].Details!);
    }

    /// <summary>
    /// Step 4: "changes" in rounds 0-2 asks the firm (ChangesRequested, one mail per round), the firm's update starts
    /// the next round from the diagnosis, and "changes" in round 3, the fourth, counts as a rejection.
    /// </summary>
    [Fact]
    public async Task Changes_InRoundsZeroToTwo_StartTheNextRoundOnTheFirmsUpdate_AndTheFourthIsARejection()
    {
        var fakes = new WorkflowFakes();
        await using var host = await fakes.StartHostAsync();
        await StartAsync(host);

        for (var round = 0; round <= SupportApplicationOrchestrator.MaxChangeRounds; round++)
        {
            await DecideAsync(host, fakes, round, ReviewDecisions.Changes, $"fix {round}");
            if (round < SupportApplicationOrchestrator.MaxChangeRounds)
            {
                await fakes.UntilAsync(() => fakes.MailKeys.Contains($"changes-{round}"), $"round {round}'s changes mail");
                await host.Client.RaiseEventAsync(Id, WorkflowEvents.ApplicationUpdated(round), new ApplicationUpdated(DateTimeOffset.UtcNow));
            }
        }

        Assert.Equal(ApplicationStatus.Rejected, (await EndedAsync(host)).ReadOutputAs<ApplicationStatus>());
        var statuses = fakes.Calls<StatusChange>();
        Assert.Equal<int>([0, 1, 2], statuses.Where(s => s.Status == ApplicationStatus.ChangesRequested).Select(s => s.Round));
        Assert.Equal(4, statuses.Count(s => s.Status == ApplicationStatus.Diagnosed));
        Assert.Equal((ApplicationStatus.Rejected, 3, "fix 3"), (statuses[^1].Status, statuses[^1].Round, statuses[^1].Note));
        Assert.Equal<string>(["receipt", "changes-0", "changes-1", "changes-2", "rejected"], fakes.MailKeys);
    }

    /// <summary>
    /// Step 5: a declined offer and a lapsed one each go to the next candidate; with nobody left the task is
    /// Unmatched and the staff are mailed, and the wait (with no timer) ends with an admin's assignment, after which
    /// the workflow goes on to the engagement.
    /// </summary>
    [Fact]
    public async Task Matching_DeclineAndLapse_OfferTheNextCandidate_AndNobodyLeftWaitsForAnAdminsAssignment()
    {
        // Three seconds: long enough for the decline to reach the first offer before it lapses, short for the second's lapse.
        var fakes = new WorkflowFakes
        {
            Options = new WorkflowOptions { OfferDeadline = TimeSpan.FromSeconds(3) },
            Expert = wanted => wanted.Offer < 3 ? $"expert-{wanted.Offer}" : null,
        };
        await using var host = await fakes.StartHostAsync();
        await StartAsync(host);
        await DecideAsync(host, fakes, 0, ReviewDecisions.Approve);

        await fakes.UntilAsync(() => fakes.Calls<OfferWanted>().Count == 1, "the first offer");
        await host.Client.RaiseEventAsync(
            Id, WorkflowEvents.OfferAnswered("T1", 1), new OfferAnswered(OfferResult.Declined, "expert-1", null, DateTimeOffset.UtcNow));
        await fakes.UntilAsync(() => fakes.MailKeys.Contains("unmatched-T1"), "the staff's unmatched mail, once the second offer lapsed");

        Assert.Equal<int>([1, 2, 3], fakes.Calls<OfferWanted>().Select(offer => offer.Offer));
        Assert.Equal<(int, OfferResult, string)>(
            [(1, OfferResult.Declined, "expert-1"), (2, OfferResult.Lapsed, "expert-2")],
            fakes.Calls<OfferOutcome>().Select(Outcome));
        Assert.Equal(EmailKind.Unmatched, fakes.Calls<EmailRequest>()[^1].Kind);
        Assert.Equal(ApplicationStatus.Unmatched, fakes.Statuses[^1]);

        await host.Client.RaiseEventAsync(Id, WorkflowEvents.ExpertAssigned("T1"), new ExpertAssigned("expert-9", DateTimeOffset.UtcNow));
        await fakes.UntilAsync(() => fakes.Calls<EngagementLinkWanted>().Count == 1, "the assigned expert's report link");

        Assert.Equal((0, OfferResult.Accepted, "expert-9"), Outcome(fakes.Calls<OfferOutcome>()[^1]));
        Assert.Equal(ApplicationStatus.InProgress, fakes.Statuses[^1]);
    }

    /// <summary>
    /// An admin's terminate while the application waits for its review ends the instance Terminated, and the
    /// reviewer's decision arriving after it does nothing: no status, no mail, no step.
    /// </summary>
    [Fact]
    public async Task Terminated_WhileAwaitingReview_EndsTerminated_AndALaterDecisionDoesNothing()
    {
        var fakes = new WorkflowFakes();
        await using var host = await fakes.StartHostAsync();
        await StartAsync(host);
        await UntilWaitingForReviewAsync(host, fakes, Id);

        await host.Client.TerminateInstanceAsync(Id, "terminated by an admin");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await EndedAsync(host)).RuntimeStatus);
        var statuses = fakes.Statuses;
        var mails = fakes.MailKeys;

        await host.Client.RaiseEventAsync(Id, WorkflowEvents.ReviewDecided(0), Decided(ReviewDecisions.Approve));

        // The in-memory engine drops an ended instance's messages as they come; a second application taken through
        // several steps afterwards shows that the engine went on working, and not on the first one.
        await StartAsync(host, "app-2");
        await UntilWaitingForReviewAsync(host, fakes, "app-2");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.Client.GetInstanceAsync(Id))!.RuntimeStatus);
        Assert.Equal(statuses, fakes.Calls<StatusChange>().Where(s => s.ApplicationId == Id).Select(s => s.Status));
        Assert.Equal(mails, fakes.Calls<EmailRequest>().Where(m => m.ApplicationId == Id).Select(m => m.Key));
        Assert.DoesNotContain(ApplicationStatus.Approved, fakes.Statuses);
    }

    /// <summary>
    /// Steps 4-8 with everyone answering: approved, each task's first expert accepts and reports, the firm gives its
    /// feedback, and the application is Completed with the completion mail.
    /// </summary>
    [Fact]
    public async Task HappyPath_ApprovedAcceptedReportedAndRated_Completes()
    {
        var fakes = new WorkflowFakes { Plan = ["T1", "T2"] };
        await using var host = await fakes.StartHostAsync();
        await StartAsync(host);
        await DecideAsync(host, fakes, 0, ReviewDecisions.Approve);

        foreach (var task in fakes.Plan)
        {
            await fakes.UntilAsync(() => fakes.Calls<OfferWanted>().Any(offer => offer.TaskId == task), $"{task}'s offer");
            await host.Client.RaiseEventAsync(
                Id, WorkflowEvents.OfferAnswered(task, 1), new OfferAnswered(OfferResult.Accepted, $"expert-{task}-1", null, DateTimeOffset.UtcNow));
        }

        foreach (var task in fakes.Plan)
        {
            await fakes.UntilAsync(() => fakes.Calls<EngagementLinkWanted>().Any(link => link.TaskId == task), $"{task}'s report link");
            await host.Client.RaiseEventAsync(Id, WorkflowEvents.ReportSubmitted(task), new ReportSubmitted($"{task} report", null, DateTimeOffset.UtcNow));
        }

        await fakes.UntilAsync(() => fakes.Calls<FeedbackLinkWanted>().Count == 1, "the feedback link");
        await host.Client.RaiseEventAsync(Id, WorkflowEvents.FeedbackGiven, new FeedbackGiven(5, "thanks", DateTimeOffset.UtcNow));

        Assert.Equal(ApplicationStatus.Completed, (await EndedAsync(host)).ReadOutputAs<ApplicationStatus>());
        Assert.Equal<ApplicationStatus>(
            [
                ApplicationStatus.Diagnosed, ApplicationStatus.AwaitingReview, ApplicationStatus.Approved, ApplicationStatus.Matching,
                ApplicationStatus.InProgress, ApplicationStatus.AwaitingFeedback, ApplicationStatus.Completed,
            ],
            fakes.Statuses);
        Assert.Equal<string>(["receipt", "completion"], fakes.MailKeys);
        Assert.Equal<string>(["T1 report", "T2 report"], fakes.Calls<TaskEvent>().Select(e => e.Report!.Summary).Order());
    }

    /// <summary>Starts the application on the current version, as intake does, and confirms it as the firm's link would.</summary>
    static async Task StartAsync(DurableTaskTestHost host, string id = Id)
    {
        await StartUnconfirmedAsync(host, id);
        await host.Client.RaiseEventAsync(id, WorkflowEvents.ApplicationConfirmed, new ApplicationConfirmed(DateTimeOffset.UtcNow));
    }

    static Task<string> StartUnconfirmedAsync(DurableTaskTestHost host, string id = Id) =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SupportApplicationOrchestrator),
            new ApplicationStarted(id, WorkflowVersions.Current),
            new StartOrchestrationOptions { InstanceId = id, Version = WorkflowVersions.CurrentName });

    static async Task<OrchestrationMetadata> EndedAsync(DurableTaskTestHost host)
    {
        using var patience = new CancellationTokenSource(WorkflowFakes.Patience);
        return await host.Client.WaitForInstanceCompletionAsync(Id, getInputsAndOutputs: true, patience.Token);
    }

    /// <summary>Waits for the round's review link to go out, then decides as the reviewer's link would.</summary>
    static async Task DecideAsync(DurableTaskTestHost host, WorkflowFakes fakes, int round, string decision, string? comment = null)
    {
        await fakes.UntilAsync(() => fakes.Calls<ReviewLinkWanted>().Any(link => link.Round == round), $"round {round}'s review link");
        await host.Client.RaiseEventAsync(Id, WorkflowEvents.ReviewDecided(round), Decided(decision, comment));
    }

    static ReviewDecided Decided(string decision, string? comment = null) =>
        new(decision, comment, WorkflowFakes.Reviewer, DateTimeOffset.UtcNow);

    /// <summary>The custom status says the review wait has begun (it is set once the status is recorded).</summary>
    static Task UntilWaitingForReviewAsync(DurableTaskTestHost host, WorkflowFakes fakes, string id) =>
        fakes.UntilAsync(
            async () => (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadCustomStatusAs<WorkflowStatus>()?.Pending?.Kind
                == PendingKinds.Review,
            $"{id} to wait for its review");

    static (int, OfferResult, string) Outcome(OfferOutcome outcome) => (outcome.Offer, outcome.Answer.Result, outcome.Answer.ExpertId);
}
