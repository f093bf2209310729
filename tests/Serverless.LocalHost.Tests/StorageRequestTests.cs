using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Serverless.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Serverless.LocalHost.Tests;

/// <summary>A host in measuring mode: each answer lists the storage requests it took.</summary>
public sealed class MeasuringHostFixture : IntakeHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings => [("LocalHost:ReportStorageRequests", "true")];
}

/// <summary>
/// The storage requests one submission makes, counted by the SDK clients' pipeline policy on both storages (the
/// engine's included, across its gRPC hop), are exactly those docs/architecture.md lists with their reasons.
/// </summary>
public sealed partial class StorageRequestTests(MeasuringHostFixture fixture, ITestOutputHelper output) : IClassFixture<MeasuringHostFixture>
{
    [Fact]
    public async Task ASubmission_MakesExactlyTheStorageRequestsTheArchitectureLists()
    {
        // The first submission of the year creates its receipt counter; the list is of every one after it.
        using var first = await FirmFlow.PostAsync(fixture.Host, FirmFlow.ApplicationJson(SampleApplications.BusinessRegistrationNumber(801)), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var response = await FirmFlow.PostAsync(fixture.Host, FirmFlow.ApplicationJson(SampleApplications.BusinessRegistrationNumber(802)), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var made = response.Headers.GetValues("X-Storage-Requests").Single().Split(", ");
        output.WriteLine(string.Join(Environment.NewLine, made));

        var rows = File.ReadLines(Path.Combine(RepoPaths.Root, "docs", "architecture.md"))
            .SkipWhile(line => line != "### Storage requests of one submission")
            .Skip(1)
            .TakeWhile(line => !line.StartsWith('#'))
            .Select(line => RequestRow().Match(line))
            .Where(row => row.Success)
            .ToList();

        // A row may say "6 or 0": the stats counters are read only when this host has not written them yet, and the
        // two submissions may fall in different shards of the counters.
        List<string> Documented(bool alternatives) => [.. rows
            .SelectMany(row => Enumerable.Repeat(row.Groups["request"].Value, Count(row.Groups[alternatives && row.Groups["or"].Success ? "or" : "count"].Value)))
            .Order(StringComparer.Ordinal)];
        var counted = made.Select(Generic).Order(StringComparer.Ordinal).ToList();
        if (!counted.SequenceEqual(Documented(alternatives: true)))
        {
            Assert.Equal(Documented(alternatives: false), counted);
        }
    }

    static int Count(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    /// <summary>The engine's queue and table names carry the task hub's name, which differs per test host.</summary>
    string Generic(string request) => request.Replace(fixture.TaskHub, "{hub}", StringComparison.OrdinalIgnoreCase).Replace(fixture.TablePrefix, "", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\| (?<count>\d+)(?: or (?<or>\d+))? \| `(?<request>[a-z]+ [A-Z]+ [^`]+)` \|")]
    private static partial Regex RequestRow();
}
