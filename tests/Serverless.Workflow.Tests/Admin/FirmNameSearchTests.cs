using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Serverless.Testing;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Admin;

/// <summary>
/// The admin list's firm-name search on real Table storage, through its own index (FirmNameIndex): a part of a name
/// finds the firm whatever else the index holds, a renamed firm is found by its new name only, and the applications
/// written before the index get their rows from the backfill, once.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class FirmNameSearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly WorkflowStorage storage = azurite.Storage();

    ApplicationStore Store => new(storage);

    ApplicationQuery Query => new(storage, new FakeTimeProvider(T0.AddDays(1)));

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task APartOfTheName_FindsTheFirms_NewestFirst_WithTheOtherFiltersApplied()
    {
        var older = await CreateAsync("남동정밀(주)", 1);
        var newer = await CreateAsync("한빛 정밀", 2);
        await CreateAsync("서해금속", 3);

        Assert.Equal([newer.ApplicationId, older.ApplicationId], await FindAsync("정밀"));
        Assert.Equal([newer.ApplicationId], await FindAsync("빛 정"));
        Assert.Equal([older.ApplicationId], await FindAsync("동정밀(주"));
        Assert.Empty(await FindAsync("정밀금속"));
        Assert.Equal([newer.ApplicationId, older.ApplicationId], await FindAsync("정밀", ApplicationStatus.Submitted));
        Assert.Empty(await FindAsync("정밀", ApplicationStatus.Completed));
    }

    /// <summary>
    /// A whole name whose first letter pair every firm shares is found among them (the search reads the smallest of its
    /// pairs' partitions it sees), and spaces count as the index counts them: not at all.
    /// </summary>
    [Fact]
    public async Task AWholeName_IsFound_AmongFirmsSharingItsFirstPair_SpacesAside()
    {
        var firms = new List<ApplicationEntity>();
        for (var n = 10; n < 16; n++)
        {
            firms.Add(await CreateAsync($"남동기업 {n}", n));
        }

        var slashed = await CreateAsync("A/S 기술#1", 20);

        Assert.Equal([firms[3].ApplicationId], await FindAsync("남동기업 13"));
        Assert.Equal([firms[3].ApplicationId], await FindAsync("남동기업13"));
        Assert.Equal(6, (await FindAsync("남동 기업")).Count);
        Assert.Equal([slashed.ApplicationId], await FindAsync("s기"));
    }

    [Fact]
    public async Task ARenamedFirm_IsFoundByItsNewName_NotByItsFormerOne()
    {
        var application = await CreateAsync("서해금속", 4);
        application.FirmName = "동해금속";

        await Store.WriteNameRowsAsync(application, formerName: "서해금속", CancellationToken.None);

        Assert.Equal([application.ApplicationId], await FindAsync("동해"));
        Assert.Empty(await FindAsync("서해"));
        Assert.Equal([application.ApplicationId], await FindAsync("금속"));
    }

    [Fact]
    public async Task ApplicationsFromBeforeTheIndex_AreFoundOnceTheBackfillRan_WhichRunsOnce()
    {
        var before = Application("옛날기계", 5);
        await storage.ApplicationIndex.UpsertEntityAsync(ApplicationIndexEntity.For(ApplicationIndexEntity.All, before));
        Assert.Empty(await FindAsync("옛날"));

        await new FirmNameBackfill(storage, NullLogger<FirmNameBackfill>.Instance).RunOnceAsync(CancellationToken.None);
        Assert.Equal([before.ApplicationId], await FindAsync("옛날"));

        var later = Application("옛날공업", 6);
        await storage.ApplicationIndex.UpsertEntityAsync(ApplicationIndexEntity.For(ApplicationIndexEntity.All, later));
        await new FirmNameBackfill(storage, NullLogger<FirmNameBackfill>.Instance).RunOnceAsync(CancellationToken.None);
        Assert.Equal([before.ApplicationId], await FindAsync("옛날")); // done once: intake writes the rows from then on
    }

    [Theory]
    [InlineData("남동정밀(주)", "정밀", true)]
    [InlineData("Hanbit Precision", "BIT P", true)]
    [InlineData("A/S 기술#1", "s기", true)]
    [InlineData("서해금속", "해금속", true)]
    [InlineData("서해금속", "해서", false)]
    public void TheSearchedPairs_AreAllPairsOfTheName_WhenTheNameHoldsTheText(string name, string text, bool holds)
    {
        Assert.Equal(holds, FirmNameIndex.Holds(name, text));
        Assert.Equal(holds, FirmNameIndex.SearchPartitions(text).All(FirmNameIndex.Partitions(name).Contains));
    }

    [Theory]
    [InlineData("정", false)]
    [InlineData(" 정 ", false)]
    [InlineData("정밀", true)]
    public void ANameSearch_NeedsTwoLetters(string text, bool searchable) =>
        Assert.Equal(searchable, FirmNameIndex.CanSearch(text));

    [Fact]
    public void PartitionKeys_HoldNoCharacterTableStorageRefuses() =>
        Assert.All(FirmNameIndex.Partitions("A/S #1 \\ ? 기술"), p => Assert.Matches("^name:[0-9a-f]+$", p));

    async Task<ApplicationEntity> CreateAsync(string firmName, int n)
    {
        var application = Application(firmName, n);
        await Store.CreateAsync(application, CancellationToken.None);
        return application;
    }

    static ApplicationEntity Application(string firmName, int n) => new()
    {
        PartitionKey = ApplicationIds.New(), ReceiptNumber = $"GS-2026-{n:D5}", FirmName = firmName,
        BusinessRegistrationNumber = SampleApplications.BusinessRegistrationNumber(n),
        SubmittedAt = T0.AddMinutes(n), UpdatedAt = T0.AddMinutes(n),
    };

    async Task<IReadOnlyList<string>> FindAsync(string text, ApplicationStatus? status = null)
    {
        var page = await Query.ListAsync(new ApplicationFilter(status, null, null, null, null, text, 50, null), CancellationToken.None);
        return [.. page.Items.Select(i => i.ApplicationId)];
    }
}
