using Serverless.Testing;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Experts;

/// <summary>Experts' loads on real Table storage: never above the maximum, never below zero, each change once.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ExpertLoadsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    readonly WorkflowStorage storage = azurite.Storage();

    ExpertStore Experts => new(storage);

    ExpertLoads Loads => new(storage, Experts);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<string> AddAsync(string id, int max, bool active = true)
    {
        await Experts.CreateAsync(new ExpertEntity { RowKey = id, Name = id, Email = $"{id}@example.org", Fields = "Export", MaxActiveAssignments = max, Active = active }, CancellationToken.None);
        return id;
    }

    async Task<(int Active, int Total)> CountsAsync(string id) =>
        (await Experts.FindAsync(id, CancellationToken.None)) is { } e ? (e.ActiveAssignments, e.TotalAssignments) : (-1, -1);

    static string App(int n) => $"{n:D32}";

    [Fact]
    public async Task ManyTasksTakingAnExpertWithRoomForTwoAtOnce_ExactlyTwoGetThem()
    {
        var expert = await AddAsync("a1", max: 2);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Loads.TakeAsync(expert, App(n), "T1", CancellationToken.None)));

        Assert.Equal(2, results.Count(r => r == TakeResult.Taken));
        Assert.Equal(6, results.Count(r => r == TakeResult.Full));
        Assert.Equal((2, 2), await CountsAsync(expert));
    }

    [Fact]
    public async Task Take_RetriedForTheSameTask_CountsOnce_AndAnotherExpertFindsTheTaskTaken()
    {
        var first = await AddAsync("b1", max: 3);
        var second = await AddAsync("b2", max: 3);

        Assert.Equal(TakeResult.Taken, await Loads.TakeAsync(first, App(1), "T1", CancellationToken.None));
        Assert.Equal(TakeResult.Taken, await Loads.TakeAsync(first, App(1), "T1", CancellationToken.None));
        Assert.Equal(TakeResult.TaskTaken, await Loads.TakeAsync(second, App(1), "T1", CancellationToken.None));

        Assert.Equal((1, 1), await CountsAsync(first));
        Assert.Equal((0, 0), await CountsAsync(second));
    }

    [Fact]
    public async Task Release_GivesBackOnce_AndNeverBelowZero()
    {
        var expert = await AddAsync("c1", max: 3);
        await Loads.TakeAsync(expert, App(1), "T1", CancellationToken.None);
        await Loads.TakeAsync(expert, App(1), "T2", CancellationToken.None);
        await Loads.TakeAsync(expert, App(2), "T1", CancellationToken.None);

        await Loads.ReleaseAsync(App(1), "T1", CancellationToken.None);
        await Loads.ReleaseAsync(App(1), "T1", CancellationToken.None);
        Assert.Equal((2, 3), await CountsAsync(expert));

        await Loads.ReleaseAllAsync(App(1), CancellationToken.None);
        await Loads.ReleaseAllAsync(App(1), CancellationToken.None);
        Assert.Equal((1, 3), await CountsAsync(expert)); // App(2)'s task stays held
        Assert.Null(await Loads.HolderAsync(App(1), "T2", CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseForAnExpert_GivesBackOnlyThatExpertsHold()
    {
        var late = await AddAsync("f1", max: 3);
        var other = await AddAsync("f2", max: 3);
        await Loads.TakeAsync(late, App(1), "T1", CancellationToken.None);

        await Loads.ReleaseAsync(App(1), "T1", other, CancellationToken.None);
        Assert.Equal(late, await Loads.HolderAsync(App(1), "T1", CancellationToken.None));

        await Loads.ReleaseAsync(App(1), "T1", late, CancellationToken.None);
        Assert.Null(await Loads.HolderAsync(App(1), "T1", CancellationToken.None));
        Assert.Equal((0, 1), await CountsAsync(late));
        Assert.Equal(TakeResult.Taken, await Loads.TakeAsync(other, App(1), "T1", CancellationToken.None)); // the task is free again
    }

    [Fact]
    public async Task Take_ForAnInactiveOrMissingExpert_IsUnavailable()
    {
        var inactive = await AddAsync("d1", max: 3, active: false);

        Assert.Equal(TakeResult.Unavailable, await Loads.TakeAsync(inactive, App(1), "T1", CancellationToken.None));
        Assert.Equal(TakeResult.Unavailable, await Loads.TakeAsync("d9", App(1), "T1", CancellationToken.None));
    }

    [Fact]
    public async Task DeletingAnExpertHoldingWork_IsRefused_UntilTheWorkIsGivenBack()
    {
        var expert = await AddAsync("e1", max: 3);
        await Loads.TakeAsync(expert, App(1), "T1", CancellationToken.None);

        Assert.Equal(Pools.PoolWrite.Busy, await Experts.DeleteAsync(expert, CancellationToken.None));
        await Loads.ReleaseAsync(App(1), "T1", CancellationToken.None);
        Assert.Equal(Pools.PoolWrite.Done, await Experts.DeleteAsync(expert, CancellationToken.None));
        Assert.Empty(await Experts.ListAsync(CancellationToken.None));
    }
}
