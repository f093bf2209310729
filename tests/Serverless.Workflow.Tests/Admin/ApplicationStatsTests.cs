using Serverless.Testing;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Admin;

/// <summary>The stats counters on real Table storage: each move once, never back over a later one.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ApplicationStatsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly WorkflowStorage storage = azurite.Storage();

    ApplicationStats Stats => new(storage);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    static ApplicationEntity Application(int n) => new()
    {
        PartitionKey = $"{n:x32}", MiniCluster = "친환경나노", SubmittedAt = T0, UpdatedAt = T0,
    };

    [Fact]
    public async Task Moves_CountEachApplicationOnceInItsCurrentStatus_EvenWhenRetried()
    {
        var first = Application(1);
        await Stats.MoveAsync(first, ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        await Stats.MoveAsync(first, ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        await Stats.MoveAsync(first, ApplicationStatus.Approved, T0.AddDays(1), ["ExportSupport", "Marketing"], CancellationToken.None);
        await Stats.MoveAsync(first, ApplicationStatus.Approved, T0.AddDays(1), ["ExportSupport", "Marketing"], CancellationToken.None);
        first.UpdatedAt = T0.AddDays(3);
        await Stats.MoveAsync(first, ApplicationStatus.Completed, T0.AddDays(3), [], CancellationToken.None);
        await Stats.MoveAsync(Application(2), ApplicationStatus.Submitted, T0, [], CancellationToken.None);

        var stats = await Stats.ReadAsync(CancellationToken.None);

        Assert.Equal((2L, 1L), (stats.Submitted, stats.Completed));
        Assert.Equal(new Dictionary<string, long> { ["Completed"] = 1, ["Submitted"] = 1 }, stats.ByStatus);
        Assert.Equal(new Dictionary<string, long> { ["ExportSupport"] = 1, ["Marketing"] = 1 }, stats.BySupportType);
        Assert.Equal(2, stats.ByMiniCluster["친환경나노"]);
        Assert.Equal(3, stats.MedianDaysToCompletion);
    }

    /// <summary>
    /// Two hosts share the counters. Each builds its transactions on the rows it wrote last, which the other keeps
    /// changing, and moves run side by side within a host too: every move is still counted exactly once.
    /// </summary>
    [Fact]
    public async Task TwoHostsTakingTurns_CountEveryMoveOnce_ThoughEachKnowsRowsTheOtherChanged()
    {
        var hosts = new[] { new ApplicationStats(storage), new ApplicationStats(storage) };
        var applications = Enumerable.Range(200, 24).Select(Application).ToList();
        for (var i = 0; i < applications.Count; i++)
        {
            await hosts[i % 2].MoveAsync(applications[i], ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        }

        for (var i = 0; i < applications.Count; i++)
        {
            await hosts[(i + 1) % 2].MoveAsync(applications[i], ApplicationStatus.AwaitingReview, T0.AddHours(1), [], CancellationToken.None);
        }

        await Task.WhenAll(applications.Take(12).Select(application =>
            hosts[0].MoveAsync(application, ApplicationStatus.Approved, T0.AddHours(2), ["Marketing"], CancellationToken.None)));

        var stats = await Stats.ReadAsync(CancellationToken.None);
        Assert.Equal(24, stats.Submitted);
        Assert.Equal(new Dictionary<string, long> { ["Approved"] = 12, ["AwaitingReview"] = 12 }, stats.ByStatus);
        Assert.Equal(new Dictionary<string, long> { ["Marketing"] = 12 }, stats.BySupportType);
    }

    [Fact]
    public async Task AnOlderMoveArrivingLate_ChangesNothing()
    {
        var application = Application(3);
        await Stats.MoveAsync(application, ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        await Stats.MoveAsync(application, ApplicationStatus.Terminated, T0.AddHours(2), [], CancellationToken.None);

        await Stats.MoveAsync(application, ApplicationStatus.AwaitingReview, T0.AddHours(1), [], CancellationToken.None); // a step that lost to terminate
        await Stats.MoveAsync(application, ApplicationStatus.Submitted, T0, [], CancellationToken.None); // a retried submission

        Assert.Equal(new Dictionary<string, long> { ["Terminated"] = 1 }, (await Stats.ReadAsync(CancellationToken.None)).ByStatus);
    }

    /// <summary>docs/workflow.md, Workflow versions: an old version's branch may go once none of its applications is in flight.</summary>
    [Fact]
    public async Task InFlight_IsCountedPerWorkflowVersion_UntilTheApplicationEnds_AndAgainWhenItIsRetried()
    {
        var older = Application(7);
        older.WorkflowVersion = 2;
        var (a, b) = (Application(8), Application(9));
        a.WorkflowVersion = b.WorkflowVersion = 3;
        await Stats.MoveAsync(older, ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        await Stats.MoveAsync(a, ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        await Stats.MoveAsync(b, ApplicationStatus.Submitted, T0, [], CancellationToken.None);
        await Stats.MoveAsync(a, ApplicationStatus.AwaitingReview, T0.AddHours(1), [], CancellationToken.None);
        await Stats.MoveAsync(b, ApplicationStatus.Failed, T0.AddHours(1), [], CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["2"] = 1, ["3"] = 1 }, (await Stats.ReadAsync(CancellationToken.None)).InFlightByVersion);

        await Stats.MoveAsync(b, ApplicationStatus.Submitted, T0.AddHours(2), [], CancellationToken.None); // an admin's retry
        await Stats.MoveAsync(older, ApplicationStatus.Completed, T0.AddDays(1), [], CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["3"] = 2 }, (await Stats.ReadAsync(CancellationToken.None)).InFlightByVersion);
    }

    [Fact]
    public async Task ManyApplicationsMovingAtOnce_AreAllCounted()
    {
        await Task.WhenAll(Enumerable.Range(100, 40).Select(n => Stats.MoveAsync(Application(n), ApplicationStatus.Submitted, T0, [], CancellationToken.None)));

        var stats = await Stats.ReadAsync(CancellationToken.None);
        Assert.Equal((40L, 40L), (stats.Submitted, stats.ByStatus["Submitted"]));
    }

    /// <summary>The dashboard's submissions per week: the ISO week in Korea, counted once at submission, whatever follows.</summary>
    [Fact]
    public async Task Submissions_AreCountedByTheirWeekInKorea_OnceEach()
    {
        var sundayEvening = Application(20); // 16:00 UTC Sunday is 01:00 Monday in Korea: the next week
        sundayEvening.SubmittedAt = new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);
        var sundayMorning = Application(21);
        sundayMorning.SubmittedAt = new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
        await Stats.MoveAsync(sundayEvening, ApplicationStatus.Submitted, sundayEvening.SubmittedAt, [], CancellationToken.None);
        await Stats.MoveAsync(sundayEvening, ApplicationStatus.Submitted, sundayEvening.SubmittedAt, [], CancellationToken.None);
        await Stats.MoveAsync(sundayEvening, ApplicationStatus.AwaitingDocuments, sundayEvening.SubmittedAt.AddHours(1), [], CancellationToken.None);
        await Stats.MoveAsync(sundayMorning, ApplicationStatus.Submitted, sundayMorning.SubmittedAt, [], CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["2026-W48"] = 1, ["2026-W49"] = 1 }, (await Stats.ReadAsync(CancellationToken.None)).SubmittedByWeek);
    }
}
