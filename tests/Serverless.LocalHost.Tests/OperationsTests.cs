using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

[Collection(AzuriteTests.Name)]
public sealed class OperationsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_WithStorageAndEngineUp_Returns200WithEachCheckHealthy()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);

        using var response = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        foreach (var check in new[] { "tables", "blobs", "durable" })
        {
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty(check).GetString());
        }
    }

    [Fact]
    public async Task OpenApi_DescribesEveryRouteTheHostMaps()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);

        var document = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/openapi.json", UriKind.Relative));
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => new Route(op.Name.ToUpperInvariant(), path.Name.TrimStart('/'))))
            .ToHashSet();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Empty(RouteTable.SharedLocalHost().Except(described));
        Assert.Empty(described.Except(RouteTable.SharedLocalHost()));
    }
}
