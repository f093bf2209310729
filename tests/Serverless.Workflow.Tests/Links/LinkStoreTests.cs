using Serverless.Testing;
using Serverless.Workflow.Links;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Links;

/// <summary>Emailed links on real Table storage: issued, found, replaced, decided once.</summary>
[Collection(AzuriteTests.Name)]
public sealed class LinkStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset Deadline = DateTimeOffset.UtcNow.AddDays(14);

    readonly WorkflowStorage storage = azurite.Storage();

    readonly string applicationId = Guid.NewGuid().ToString("N");

    LinkStore Links => new(storage, TimeProvider.System);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    LinkGrant Review(string actor, int round = 0) => new(applicationId, LinkPurpose.Review, actor, "ko", round, "", Deadline);

    [Fact]
    public async Task Issue_StoresOnlyTheHash_AndTheTokenFindsItsLink()
    {
        var token = await Links.IssueAsync(Review("reviewer-a"), CancellationToken.None);
        var link = await Links.FindAsync(token, CancellationToken.None);

        Assert.NotNull(link);
        Assert.Equal((applicationId, "Review", "reviewer-a"), (link.ApplicationId, link.Purpose, link.Actor));
        Assert.Equal(Tokens.Hash(token), link.PartitionKey);
        Assert.True(link.IsLive(DateTimeOffset.UtcNow));
        Assert.Null(await Links.FindAsync(token[..^1], CancellationToken.None));
        Assert.Null(await Links.FindAsync(Tokens.New(), CancellationToken.None));
    }

    [Fact]
    public async Task Reissue_ToTheSameRecipient_RevokesTheEarlierLink_ButNotAnotherRecipients()
    {
        var first = await Links.IssueAsync(Review("reviewer-a"), CancellationToken.None);
        var escalation = await Links.IssueAsync(Review("escalation-b"), CancellationToken.None);
        var reminder = await Links.IssueAsync(Review("reviewer-a"), CancellationToken.None);

        var now = DateTimeOffset.UtcNow;
        Assert.NotNull((await Links.FindAsync(first, CancellationToken.None))!.RevokedAt);
        Assert.True((await Links.FindAsync(escalation, CancellationToken.None))!.IsLive(now));
        Assert.True((await Links.FindAsync(reminder, CancellationToken.None))!.IsLive(now));
        Assert.Equal(3, (await Links.ListAsync(applicationId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ClaimDecision_TheFirstLinkOfAStepWins_LaterClaimsGetTheStandingDecision()
    {
        var reviewer = (await Links.FindAsync(await Links.IssueAsync(Review("reviewer-a"), CancellationToken.None), CancellationToken.None))!;
        var escalation = (await Links.FindAsync(await Links.IssueAsync(Review("escalation-b"), CancellationToken.None), CancellationToken.None))!;

        Assert.Equal(new DecisionClaim("approve", First: true), await Links.ClaimDecisionAsync(escalation, "approve", CancellationToken.None));
        Assert.Equal(new DecisionClaim("approve", First: false), await Links.ClaimDecisionAsync(escalation, "reject", CancellationToken.None));
        Assert.Equal(new DecisionClaim("approve", First: false), await Links.ClaimDecisionAsync(reviewer, "reject", CancellationToken.None));
    }

    [Fact]
    public async Task ClaimDecision_EachRoundIsAStepOfItsOwn()
    {
        var round0 = (await Links.FindAsync(await Links.IssueAsync(Review("reviewer-a", round: 0), CancellationToken.None), CancellationToken.None))!;
        var round1 = (await Links.FindAsync(await Links.IssueAsync(Review("reviewer-a", round: 1), CancellationToken.None), CancellationToken.None))!;

        Assert.True((await Links.ClaimDecisionAsync(round0, "changes", CancellationToken.None)).First);
        Assert.True((await Links.ClaimDecisionAsync(round1, "approve", CancellationToken.None)).First);
    }

    [Fact]
    public async Task Revoke_LeavesUsedLinksUsed_AndMarkUsed_AfterARevokeStillRecordsTheUse()
    {
        var used = await Links.IssueAsync(Review("reviewer-a"), CancellationToken.None);
        var other = await Links.IssueAsync(Review("escalation-b"), CancellationToken.None);
        await Links.MarkUsedAsync((await Links.FindAsync(used, CancellationToken.None))!, CancellationToken.None);

        var revoked = await Links.RevokeAsync(applicationId, _ => true, CancellationToken.None);
        var decidingLink = (await Links.FindAsync(other, CancellationToken.None))!;
        await Links.MarkUsedAsync(decidingLink, CancellationToken.None);

        Assert.Equal(1, revoked);
        Assert.Null((await Links.FindAsync(used, CancellationToken.None))!.RevokedAt);
        Assert.NotNull((await Links.FindAsync(other, CancellationToken.None))!.UsedAt);
    }
}
