using System.Net;
using System.Net.Sockets;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A host that cannot start says why in one line and exits at once; it never hangs.</summary>
[Collection(AzuriteTests.Name)]
public sealed class StartupTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Quickly = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PortAlreadyTaken_ExitsWithOneLineNamingTheAddress()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await FailedStartAsync(Settings(), port);

        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("address already in use", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TimeSpanThatDoesNotParse_ExitsWithOneLineNamingTheSetting()
    {
        var error = await FailedStartAsync(Settings(("Workflow:DocumentsDeadline", "two weeks")));

        Assert.Contains("Workflow:DocumentsDeadline", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredSetting_ExitsWithOneLineNamingIt()
    {
        var error = await FailedStartAsync(Settings(("Durable:TaskHub", "")));

        Assert.Contains("Durable:TaskHub", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangeWorkflowOption_ExitsWithOneLineNamingIt()
    {
        var error = await FailedStartAsync(Settings(("Workflow:DocumentsDeadline", "00:00:00")));

        Assert.Contains("DocumentsDeadline", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Diagnosis:Maxima:rnd", "300", "sum to 1000")]
    [InlineData("Plan:ShareBands:2:UpToRevenueKrw", "900000000", "without overlaps")]
    public async Task InconsistentRubricOrPlan_ExitsWithOneLineSayingWhatIsWrong(string key, string value, string expected)
    {
        var error = await FailedStartAsync(Settings((key, value)));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzuriteCannotStart_ExitsWithOneLineGivingAzuritesReason()
    {
        // No Storage:ConnectionString, so the host starts Azurite itself, on a data folder whose database is corrupt.
        var corrupt = Directory.CreateTempSubdirectory("azurite-corrupt").FullName;
        try
        {
            foreach (var service in new[] { "blob", "queue", "table" })
            {
                await File.WriteAllTextAsync(Path.Combine(corrupt, $"__azurite_db_{service}__.json"), "not json {");
            }

            var error = await FailedStartAsync(new Dictionary<string, string>
            {
                ["LocalHost:Azurite:DataPath"] = corrupt,
                ["LocalHost:Azurite:BlobPort"] = "0",
                ["LocalHost:Azurite:QueuePort"] = "0",
                ["LocalHost:Azurite:TablePort"] = "0",
            });

            Assert.Contains("Azurite exited at start", error, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(corrupt, recursive: true);
        }
    }

    Dictionary<string, string> Settings(params (string Key, string Value)[] overrides) =>
        LocalHostProcess.IsolatedSettings(azurite, overrides);

    /// <summary>Starts a host expected to fail; returns its one line of error after checking it exited non-zero, quickly.</summary>
    static async Task<string> FailedStartAsync(Dictionary<string, string> settings, int? port = null)
    {
        await using var host = LocalHostProcess.Launch(settings, port);
        var exitCode = await host.WaitForExitAsync(Quickly);

        Assert.NotEqual(0, exitCode);
        var errors = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("Serverless.LocalHost cannot start:", StringComparison.Ordinal))
            .ToList();
        return Assert.Single(errors);
    }
}
