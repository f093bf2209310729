using System.Text.Json;
using Serverless.Testing;

namespace Serverless.Functions.Tests;

/// <summary>The functions.metadata the Functions SDK writes at build: what the Azure Functions host will index.</summary>
internal static class FunctionsMetadata
{
    static readonly Lazy<JsonElement[]> Functions = new(() =>
        JsonSerializer.Deserialize<JsonElement[]>(File.ReadAllText(Path.Combine(RepoPaths.FunctionsOutput, "functions.metadata")))!);

    public static IEnumerable<(string Name, JsonElement Trigger)> Triggers() =>
        Functions.Value.Select(f => (
            f.GetProperty("name").GetString()!,
            f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))));

    public static IEnumerable<string> NamesWithTrigger(string type) =>
        Triggers().Where(t => t.Trigger.GetProperty("type").GetString() == type).Select(t => t.Name);

    public static IReadOnlySet<Route> HttpRoutes() =>
        Triggers()
            .Where(t => t.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(t => t.Trigger.GetProperty("methods").EnumerateArray().Select(m =>
                new Route(m.GetString()!.ToUpperInvariant(), t.Trigger.GetProperty("route").GetString()!)))
            .ToHashSet();
}
