using Microsoft.Extensions.Options;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Storage;

[Collection(AzuriteTests.Name)]
public sealed class ReceiptNumbersTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset InNovember2026 = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    readonly WorkflowStorage storage = azurite.Storage();

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Next_FromTwoHostsAtOnce_GivesDistinctNumbersWithoutGaps()
    {
        // Two instances stand for two hosts: they share only the counter row and its ETag.
        using var first = new ReceiptNumbers(storage, Options.Create(new IntakeOptions()));
        using var second = new ReceiptNumbers(storage, Options.Create(new IntakeOptions()));

        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? first : second).NextAsync("growth-stage", InNovember2026, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"GS-2026-{n:D5}"), numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Next_NewYearInKorea_StartsAgainAtOne()
    {
        using var receipts = new ReceiptNumbers(storage, Options.Create(new IntakeOptions()));
        var newYearsEveUtc = new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero); // 2027-01-01 00:30 in Seoul

        await receipts.NextAsync("growth-stage", InNovember2026, CancellationToken.None);
        var first2027 = await receipts.NextAsync("growth-stage", newYearsEveUtc, CancellationToken.None);

        Assert.Equal("GS-2027-00001", first2027);
    }
}
