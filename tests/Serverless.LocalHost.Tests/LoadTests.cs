using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// A call for applications closing: many firms submit at the same moment. Figures are written to the test output,
/// not asserted (the intake benchmark measures throughput); what is asserted is what staff would notice.
/// </summary>
[Collection(OneAtATimeTests.Name)]
public sealed class LoadTests(IntakeHostFixture fixture, ITestOutputHelper output) : IClassFixture<IntakeHostFixture>
{
    const int Submissions = 200;

    /// <summary>200 first episodes on two shared cores: well under a minute here, with room for a slow CI machine.</summary>
    static readonly TimeSpan AllWaitingWithin = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task TwoHundredAtOnce_AllAccepted_ReceiptNumbersUniqueAndGapless_AllReachTheirFirstWaitingStep()
    {
        var host = fixture.Host;
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Submissions).Select(async _ =>
        {
            using var response = await FirmFlow.PostAsync(host, FirmFlow.ApplicationJson(FirmFlow.NewFirm()));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            return FirmFlow.Submitted.From(answer);
        }));
        var accepted = clock.Elapsed;
        await FirmFlow.ConfirmAllAsync(host, answers, AllWaitingWithin);
        var confirmed = clock.Elapsed;

        var views = await Task.WhenAll(answers.Select(a => FirmFlow.WaitForStatusAsync(host, a, "AwaitingDocuments", AllWaitingWithin)));
        var waiting = clock.Elapsed;

        var receipts = views.Select(v => v.GetProperty("receiptNumber").GetString()!).ToList();
        var sequence = receipts.Select(r => int.Parse(r[^5..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Submissions, answers.Select(a => a.ApplicationId).Distinct().Count());
        Assert.Equal(Submissions, receipts.Distinct().Count());
        Assert.Equal(Enumerable.Range(sequence[0], Submissions), sequence);
        output.WriteLine($"{Submissions} submissions at once: all accepted in {accepted.TotalSeconds:0.0} s, all confirmed from their receipt mails after {confirmed.TotalSeconds:0.0} s, all AwaitingDocuments after {waiting.TotalSeconds:0.0} s");
    }
}
