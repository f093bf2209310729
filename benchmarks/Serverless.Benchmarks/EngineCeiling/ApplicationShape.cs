using Serverless.Benchmarks.Hosting;

namespace Serverless.Benchmarks.EngineCeiling;

/// <summary>One step of an application's orchestration: an activity it ran, or an external event it waited for.</summary>
internal sealed record ShapeStep(string? Activity, string? Event);

/// <summary>
/// The shape of a real application's orchestration, read from its engine history (the admin detail's
/// <c>history</c>): the activities in the order they were scheduled and the external events in the order they were
/// raised. The engine's ceiling replays this shape with no-op activities.
/// </summary>
internal static class ApplicationShape
{
    public static async Task<IReadOnlyList<ShapeStep>> ReadAsync(BenchmarkHost host, string applicationId)
    {
        var detail = await host.AdminJsonAsync($"/api/admin/applications/{applicationId}");
        var steps = new List<ShapeStep>();
        foreach (var entry in detail.GetProperty("history").EnumerateArray())
        {
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() : null;
            switch (entry.GetProperty("eventType").GetString())
            {
                case "TaskScheduled":
                    steps.Add(new ShapeStep(name, null));
                    break;
                case "EventRaised":
                    steps.Add(new ShapeStep(null, name));
                    break;
            }
        }

        return steps;
    }

    public static string Describe(IReadOnlyList<ShapeStep> steps) =>
        $"{steps.Count(s => s.Activity is not null)} activities, {steps.Count(s => s.Event is not null)} external events with a timer each";
}
