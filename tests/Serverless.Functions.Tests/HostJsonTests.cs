using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Orchestration;
using Xunit;

namespace Serverless.Functions.Tests;

/// <summary>host.json settings that only the Azure Functions host reads, checked as configuration.</summary>
public sealed class HostJsonTests
{
    static readonly JsonElement HostJson =
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(RepoPaths.FunctionsOutput, "host.json")));

    [Fact]
    public void TaskHub_ComesFromTheTaskHubNameSetting()
    {
        var durable = HostJson.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("%TASKHUB_NAME%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
    }

    /// <summary>
    /// New instances start on the current workflow version and the worker takes it and older ones, as the local host's
    /// worker does (docs/workflow.md, Versions): an instance in flight keeps the path it started on.
    /// </summary>
    [Fact]
    public void Versioning_StartsTheCurrentWorkflowVersion_AndRunsOlderOnes()
    {
        var durable = HostJson.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal(WorkflowVersions.CurrentName, durable.GetProperty("defaultVersion").GetString());
        Assert.Equal("CurrentOrOlder", durable.GetProperty("versionMatchStrategy").GetString());
        Assert.Equal("Reject", durable.GetProperty("versionFailureStrategy").GetString());
    }

    [Fact]
    public void RoutePrefix_IsEmpty_SoRouteTemplatesCarryTheirOwnApiPrefix()
    {
        Assert.Equal("", HostJson.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void HostRequestTelemetry_LeavesOutPaths_WhereLinkTokensTravel()
    {
        var collection = HostJson.GetProperty("logging").GetProperty("applicationInsights").GetProperty("httpAutoCollectionOptions");

        Assert.False(collection.GetProperty("enableHttpTriggerExtendedInfoCollection").GetBoolean());
    }
}
