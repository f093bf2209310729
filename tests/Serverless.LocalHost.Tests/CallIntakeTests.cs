using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A host whose programmes have no call until a test opens one: each test keeps to a programme of its own.</summary>
public sealed class CallIntakeHostFixture : IntakeHostFixture
{
    public static readonly string[] Programmes = ["closed-call", "open-call", "cluster-call", "full-call", "early-call"];

    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        Programmes.Select((programme, i) => ($"Intake:Programmes:{programme}", $"C{(char)('A' + i)}"));

    protected override bool OpensStandingCall => false;
}

/// <summary>
/// Intake inside the calls (docs/api.md, Calls): outside an open call of its programme the form is refused with 409
/// naming the next opening, and nothing is written; inside, each application records its call, once, and a call takes
/// no more than its maximum, even when the last places are raced for.
/// </summary>
public sealed class CallIntakeTests(CallIntakeHostFixture fixture) : IClassFixture<CallIntakeHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    static string Json(string programme, string? businessRegistrationNumber = null)
    {
        var form = JsonNode.Parse(FirmFlow.ApplicationJson(businessRegistrationNumber))!.AsObject();
        form["programme"] = programme;
        return form.ToJsonString();
    }

    [Fact]
    public async Task OutsideAnyCall_AnApplicationIsRefused_NamingTheNextOpening_AndNothingIsWritten()
    {
        var before = await fixture.StoredStateAsync();
        using var none = await FirmFlow.PostAsync(Host, Json("closed-call"));
        var noneProblem = await none.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal("No open call", noneProblem.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, noneProblem.GetProperty("nextCall").ValueKind);

        var opensAt = DateTimeOffset.UtcNow.AddDays(10);
        var next = await AdminApi.CreateCallAsync(Host, "closed-call", opensAt, opensAt.AddDays(30));
        using var early = await FirmFlow.PostAsync(Host, Json("closed-call"), idempotencyKey: Guid.NewGuid().ToString("N"));
        var earlyProblem = await early.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(next, earlyProblem.GetProperty("nextCall").GetProperty("callId").GetString());
        Assert.Equal(opensAt.ToUnixTimeSeconds(), earlyProblem.GetProperty("nextCall").GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains("the next opens at", earlyProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredStateAsync());
        Assert.Equal(0, (await AdminApi.CallAsync(Host, next)).GetProperty("applications").GetInt32());
    }

    [Fact]
    public async Task InsideTheOpenCall_TheApplicationRecordsItsCall_AndARetryCountsOnce()
    {
        var callId = await AdminApi.CreateCallAsync(Host, "open-call", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(2));
        var json = Json("open-call");
        var key = Guid.NewGuid().ToString("N");
        using var first = await FirmFlow.PostAsync(Host, json, key);
        using var retry = await FirmFlow.PostAsync(Host, json, key);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, retry.StatusCode));
        var application = FirmFlow.Submitted.From(await first.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(application, FirmFlow.Submitted.From(await retry.Content.ReadFromJsonAsync<JsonElement>()) with { AccessToken = application.AccessToken });
        Assert.Equal(callId, (await FirmFlow.GetAsync(Host, application)).GetProperty("callId").GetString());
        Assert.Equal(1, (await AdminApi.CallAsync(Host, callId)).GetProperty("applications").GetInt32());
    }

    [Fact]
    public async Task ACallForSomeMiniClusters_RefusesAFirmOfAnother_AtItsField()
    {
        await AdminApi.CreateCallAsync(Host, "cluster-call", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(2), miniClusters: ["뿌리산업"]);
        var before = await fixture.StoredStateAsync();
        using var refused = await FirmFlow.PostAsync(Host, Json("cluster-call")); // the sample firm is of 친환경나노

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("뿌리산업", errors.GetProperty("firm.miniCluster")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Fact]
    public async Task ACallWithAMaximum_TakesExactlyThatMany_WhenMoreArriveAtOnce()
    {
        var callId = await AdminApi.CreateCallAsync(Host, "full-call", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(2), maxApplications: 3);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await FirmFlow.PostAsync(Host, Json("full-call"));
            return (response.StatusCode, Problem: await response.Content.ReadFromJsonAsync<JsonElement>());
        }));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        var full = answers.Where(a => a.StatusCode != HttpStatusCode.Accepted).ToList();
        Assert.Equal(5, full.Count);
        Assert.All(full, a => Assert.Equal((HttpStatusCode.Conflict, 3), (a.StatusCode, a.Problem.GetProperty("maxApplications").GetInt32())));
        Assert.Equal(3, (await AdminApi.CallAsync(Host, callId)).GetProperty("applications").GetInt32());
    }

    [Fact]
    public async Task ACallClosedEarly_TakesNoMoreApplications()
    {
        var callId = await AdminApi.CreateCallAsync(Host, "early-call", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(20));
        using var before = await FirmFlow.PostAsync(Host, Json("early-call"));
        await AdminApi.CloseCallAsync(Host, callId);
        using var after = await FirmFlow.PostAsync(Host, Json("early-call"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Conflict), (before.StatusCode, after.StatusCode));
        Assert.Equal("No open call", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(1, (await AdminApi.CallAsync(Host, callId)).GetProperty("applications").GetInt32());
    }
}
