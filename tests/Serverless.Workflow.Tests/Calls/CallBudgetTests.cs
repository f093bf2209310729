using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Http;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Calls;

/// <summary>
/// A call's sums are always its shares' (docs/api.md, Calls: Budget): a commitment made twice counts once, a share
/// settles once (spent or given back), and one given back is committed afresh when the review approves again.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class CallBudgetTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    readonly WorkflowStorage storage = azurite.Storage();

    CallStore Calls => new(storage);

    CallBudget Budget => new(storage, Calls, TimeProvider.System);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<CallEntity> CallAsync(long budgetKrw)
    {
        var call = new CallEntity
        {
            RowKey = ApplicationIds.New(), Programme = "growth-stage", TitleKo = "시험", TitleEn = "Test", OpensAt = Now.AddDays(-1), ClosesAt = Now.AddDays(30),
            BudgetKrw = budgetKrw, CreatedAt = Now, UpdatedAt = Now,
        };
        Assert.IsType<CallWrite.Done>(await Calls.SaveAsync(call, isNew: true, CancellationToken.None));
        return call;
    }

    /// <summary>An application of the call whose plan has tasks with these programme shares.</summary>
    static ApplicationEntity Approvable(CallEntity call, params long[] shares)
    {
        var tasks = shares.Select((share, i) => new PlanTask($"T{i + 1}", DifficultyCategory.Export, "ExportSupport", "수출", false, share * 2, share, share, DifficultyCategory.Export)).ToList();
        var plan = new SupportPlanResult(tasks, 0.5m, tasks.Sum(t => t.BudgetKrw), shares.Sum(), shares.Sum());
        var diagnosis = new DiagnosisResult(70, "B", GrowthStage.Growth, TechnologyPhase.Commercialization, SupportTrack.Growth, [], [], [], Now);
        return new ApplicationEntity
        {
            PartitionKey = ApplicationIds.New(), CallId = call.CallId,
            DiagnosisJson = JsonSerializer.Serialize(new DiagnosisReport(diagnosis, plan), Json.Options),
        };
    }

    async Task<(long Committed, long Spent)> SumsAsync(CallEntity call)
    {
        var stored = (await Calls.FindAsync(call.CallId, CancellationToken.None))!;
        return (stored.CommittedKrw, stored.SpentKrw);
    }

    [Fact]
    public async Task ACommitmentMadeTwice_CountsOnce_AndSettlesOnce()
    {
        var call = await CallAsync(100_000_000);
        var application = Approvable(call, 6_000_000, 4_000_000);

        Assert.IsType<BudgetCommit.Done>(await Budget.CommitAsync(application, CancellationToken.None));
        Assert.IsType<BudgetCommit.Done>(await Budget.CommitAsync(application, CancellationToken.None));
        Assert.Equal((10_000_000L, 0L), await SumsAsync(call));

        await Budget.SpendAsync(application.ApplicationId, CancellationToken.None);
        await Budget.SpendAsync(application.ApplicationId, CancellationToken.None);
        await Budget.ReturnAsync(application.ApplicationId, CancellationToken.None); // spent stays spent
        Assert.Equal((0L, 10_000_000L), await SumsAsync(call));
        Assert.Equal(ShareState.Spent, (await Budget.FindAsync(application.ApplicationId, CancellationToken.None))!.CurrentState);
    }

    [Fact]
    public async Task AShareGivenBack_IsCommittedAfreshForTheNextPlan_AndAPlanBeyondWhatIsLeft_CommitsNothing()
    {
        var call = await CallAsync(10_000_000);
        var application = Approvable(call, 8_000_000);
        await Budget.CommitAsync(application, CancellationToken.None);
        await Budget.ReturnAsync(application.ApplicationId, CancellationToken.None);
        Assert.Equal((0L, 0L), await SumsAsync(call));

        var changed = Approvable(call, 9_000_000);
        changed.PartitionKey = application.ApplicationId; // the same application, its plan made again after changes
        Assert.IsType<BudgetCommit.Done>(await Budget.CommitAsync(changed, CancellationToken.None));
        Assert.Equal((9_000_000L, 0L), await SumsAsync(call));

        var other = Approvable(call, 2_000_000);
        Assert.Equal(new BudgetCommit.NotEnough(1_000_000, 2_000_000), await Budget.CommitAsync(other, CancellationToken.None));
        Assert.Null(await Budget.FindAsync(other.ApplicationId, CancellationToken.None));
        Assert.Equal((9_000_000L, 0L), await SumsAsync(call));
    }
}
