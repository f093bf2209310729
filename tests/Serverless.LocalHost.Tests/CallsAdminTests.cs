using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A host with two more programmes, so the calls' tests can each keep to windows of their own.</summary>
public sealed class CallsHostFixture : IntakeHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [("Intake:Programmes:smart-factory", "SF"), ("Intake:Programmes:export-voucher", "EV")];

    /// <summary>The calls' tests make every call they see.</summary>
    protected override bool OpensStandingCall => false;
}

/// <summary>/api/admin/calls over real HTTP: the calls' record, their rules, and windows of a programme that never overlap.</summary>
public sealed class CallsAdminTests(CallsHostFixture fixture) : IClassFixture<CallsHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    static object Call(string programme, DateTimeOffset opensAt, DateTimeOffset closesAt, long budgetKrw = 300_000_000, bool? closeNow = null) => new
    {
        programme,
        title = new { ko = "2027년 기업성장단계별 맞춤형 지원사업", en = "2027 customised support by company growth stage" },
        opensAt,
        closesAt,
        budgetKrw,
        miniClusters = (string[])["친환경나노", "뿌리산업"],
        maxApplications = 120,
        closeNow,
    };

    [Fact]
    public async Task ACall_IsCreatedReadListed_AndClosedEarly()
    {
        var now = DateTimeOffset.UtcNow;
        var body = Call("smart-factory", now.AddHours(-1).ToOffset(TimeSpan.FromHours(9)), now.AddDays(30).ToOffset(TimeSpan.FromHours(9)));
        using var created = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", body);
        var call = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = call.GetProperty("callId").GetString()!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/calls/{id}", created.Headers.Location!.ToString());
        var read = await GetAsync(id);
        Assert.Equal("Open", read.GetProperty("state").GetString());
        Assert.Equal(TimeSpan.Zero, read.GetProperty("closesAt").GetDateTimeOffset().Offset); // UTC in JSON
        Assert.Equal(300_000_000, read.GetProperty("leftKrw").GetInt64());
        Assert.Equal(["친환경나노", "뿌리산업"], read.GetProperty("miniClusters").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(await ListAsync(), c => c.GetProperty("callId").GetString() == id);

        using var closed = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/calls/{id}",
            Call("smart-factory", read.GetProperty("opensAt").GetDateTimeOffset(), read.GetProperty("closesAt").GetDateTimeOffset(), closeNow: true));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var after = await GetAsync(id);
        Assert.Equal(("Closed", true), (after.GetProperty("state").GetString(), after.GetProperty("closedEarly").GetBoolean()));
        Assert.True(after.GetProperty("closesAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task AWindowOverlappingAnotherOfItsProgramme_IsRefused_AndNothingIsWritten()
    {
        var march = new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.FromHours(9));
        using var first = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", Call("growth-stage", march, march.AddMonths(1)));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString();
        var before = (await ListAsync()).Count;

        using var overlapping = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", Call("growth-stage", march.AddDays(14), march.AddMonths(2)));
        var problem = await overlapping.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        Assert.Equal(firstId, problem.GetProperty("overlappingCallId").GetString());
        Assert.Equal(before, (await ListAsync()).Count);

        // Touching windows do not overlap, and another programme's calls are its own.
        using var next = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", Call("growth-stage", march.AddMonths(1), march.AddMonths(2)));
        using var other = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", Call("export-voucher", march, march.AddMonths(1)));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (next.StatusCode, other.StatusCode));
    }

    [Fact]
    public async Task OverlappingCallsCreatedAtOnce_OnlyOneIsTaken()
    {
        var june = new DateTimeOffset(2032, 6, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", Call("growth-stage", june.AddDays(i), june.AddDays(i + 20)))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await ListAsync(), c => c.GetProperty("opensAt").GetDateTimeOffset().Year == 2032);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task ABrokenCall_GetsEachErrorAtItsField_AndWritesNothing()
    {
        var before = (await ListAsync()).Count;
        var body = new
        {
            programme = "no-such-programme",
            title = new { ko = "", en = "Call" },
            opensAt = new DateTimeOffset(2033, 5, 1, 0, 0, 0, TimeSpan.Zero),
            closesAt = new DateTimeOffset(2033, 4, 1, 0, 0, 0, TimeSpan.Zero),
            budgetKrw = -1,
            miniClusters = (string[])["뿌리산업", "뿌리산업", "달나라"],
            maxApplications = 0,
        };

        using var response = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", body);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["budgetKrw", "closesAt", "maxApplications", "miniClusters[1]", "miniClusters[2]", "programme", "title.ko"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using var past = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls",
            Call("export-voucher", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("closesAt", out _));
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task ABudgetBelowWhatTheCallHasCommitted_IsRefused_AndTheBudgetStays()
    {
        var september = new DateTimeOffset(2034, 9, 1, 0, 0, 0, TimeSpan.FromHours(9));
        using var created = await AdminApi.SendAsync(Host, HttpMethod.Post, "/api/admin/calls", Call("growth-stage", september, september.AddMonths(1)));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()!;

        // What approvals will have committed, written as the workflow will write it.
        await fixture.Table("Calls").UpdateEntityAsync(new TableEntity("call", id) { ["CommittedKrw"] = 250_000_000L }, ETag.All, TableUpdateMode.Merge);
        using var lowered = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/calls/{id}", Call("growth-stage", september, september.AddMonths(1), budgetKrw: 200_000_000));

        Assert.Equal(HttpStatusCode.BadRequest, lowered.StatusCode);
        Assert.True((await lowered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("budgetKrw", out _));
        var call = await GetAsync(id);
        Assert.Equal((300_000_000, 50_000_000), (call.GetProperty("budgetKrw").GetInt64(), call.GetProperty("leftKrw").GetInt64()));
    }

    [Theory]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-an-id")]
    public async Task AnUnknownCall_Is404(string id)
    {
        using var read = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/calls/{id}");
        using var change = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/calls/{id}",
            Call("growth-stage", new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 2, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, change.StatusCode));
    }

    [Fact]
    public async Task Calls_WithoutTheAdminKey_AreRefused()
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/calls", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    async Task<JsonElement> GetAsync(string callId)
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/calls/{callId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task<List<JsonElement>> ListAsync()
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/calls");
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
