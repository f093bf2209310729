using Serverless.Testing;
using Serverless.Workflow.Review;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Review;

/// <summary>Reviewer choice and pending-review counts on real Table storage (each test has a pool of its own).</summary>
[Collection(AzuriteTests.Name)]
public sealed class ReviewAssignmentsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const string Firm = "124-81-00998";

    readonly WorkflowStorage storage = azurite.Storage();

    ReviewerStore Reviewers => new(storage);

    ReviewAssignments Assignments => new(storage, Reviewers);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<string> AddAsync(string id, ReviewerRole role = ReviewerRole.Reviewer, int pending = 0, bool active = true, string conflicts = "")
    {
        await Reviewers.CreateAsync(new ReviewerEntity
        {
            RowKey = id, Name = id, Email = $"{id}@example.org", Role = role.ToString(), Active = active,
            ConflictBusinessRegistrationNumbers = conflicts, PendingReviews = pending,
        }, CancellationToken.None);
        return id;
    }

    async Task<int> PendingAsync(string id) => (await Reviewers.FindAsync(id, CancellationToken.None))!.PendingReviews;

    static string App(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Assign_PicksTheFewestPending_ThenTheLowestId_SkippingConflictsInactiveAndOtherRoles()
    {
        await AddAsync("a1", pending: 2);
        await AddAsync("a2", pending: 1);
        await AddAsync("a3", pending: 1);
        await AddAsync("a0", pending: 0, conflicts: Firm);
        await AddAsync("a00", pending: 0, active: false);
        await AddAsync("e1", ReviewerRole.Escalation);

        var chosen = (await Assignments.AssignAsync(App(1), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None)).Reviewer;

        Assert.Equal("a2", chosen!.RowKey);
        Assert.Equal(2, await PendingAsync("a2"));
    }

    [Fact]
    public async Task Assign_RetriedForTheSameRound_ReturnsTheSameReviewer_AndCountsOnce()
    {
        await AddAsync("b1");
        await AddAsync("b2");

        var first = (await Assignments.AssignAsync(App(2), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None)).Reviewer;
        var retry = (await Assignments.AssignAsync(App(2), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None)).Reviewer;

        Assert.Equal(first!.RowKey, retry!.RowKey);
        Assert.Equal(1, await PendingAsync(first.RowKey));
        Assert.Equal(2, (await Reviewers.ListAsync(CancellationToken.None)).Count); // assignment rows are not reviewers
    }

    [Fact]
    public async Task Assign_NobodyWithoutAConflict_IsNull()
    {
        await AddAsync("c1", conflicts: Firm);
        await AddAsync("c2", ReviewerRole.Escalation, conflicts: "214-86-39180," + Firm);

        Assert.Null((await Assignments.AssignAsync(App(3), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None)).Reviewer);
        Assert.Null((await Assignments.AssignAsync(App(3), 0, ReviewerRole.Escalation, Firm, CancellationToken.None)).Reviewer);
    }

    [Fact]
    public async Task Assign_AfterTheReviewerWasDeactivated_GivesTheirReviewBack_AndPicksAnother()
    {
        await AddAsync("g1");
        await AddAsync("g2", pending: 3);
        await Assignments.AssignAsync(App(6), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None);
        var g1 = (await Reviewers.FindAsync("g1", CancellationToken.None))!;
        g1.Active = false;
        await Reviewers.UpdateAsync("g1", g1, CancellationToken.None);

        var again = await Assignments.AssignAsync(App(6), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None);

        Assert.Equal(("g2", "g1"), (again.Reviewer!.RowKey, again.Replaced));
        Assert.Equal((0, 4), (await PendingAsync("g1"), await PendingAsync("g2")));
    }

    [Fact]
    public async Task ManyApplicationsAssignedAtOnce_CountEveryReviewExactlyOnce_AndSpreadTheLoad()
    {
        await AddAsync("d1");
        await AddAsync("d2");
        await AddAsync("d3");

        await Task.WhenAll(Enumerable.Range(100, 12).Select(n =>
            Assignments.AssignAsync(App(n), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None)));

        var counts = new[] { await PendingAsync("d1"), await PendingAsync("d2"), await PendingAsync("d3") };
        Assert.Equal(12, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= 2, string.Join(", ", counts));
    }

    [Fact]
    public async Task Release_GivesBackEveryReviewOfTheRound_Once()
    {
        await AddAsync("f1");
        await AddAsync("f9", ReviewerRole.Escalation);
        await Assignments.AssignAsync(App(4), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None);
        await Assignments.AssignAsync(App(4), 0, ReviewerRole.Escalation, Firm, CancellationToken.None);
        await Assignments.AssignAsync(App(5), 0, ReviewerRole.Reviewer, Firm, CancellationToken.None);

        var released = await Assignments.ReleaseAsync(App(4), 0, CancellationToken.None);
        var again = await Assignments.ReleaseAsync(App(4), 0, CancellationToken.None);

        Assert.Equal(["f1", "f9"], released.Order());
        Assert.Empty(again);
        Assert.Equal((1, 0), (await PendingAsync("f1"), await PendingAsync("f9"))); // App(5)'s review stays counted
    }
}
