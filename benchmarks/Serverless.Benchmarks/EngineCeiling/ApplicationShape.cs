using Serverless.Benchmarks.Hosting;

namespace Serverless.Benchmarks.EngineCeiling;

/// <summary>
/// One episode of an application's orchestration: the external events that woke it (none for the first episode or an
/// activity's answer), then the activities it scheduled together (they run side by side).
/// </summary>
internal sealed record ShapeEpisode(IReadOnlyList<string> Events, IReadOnlyList<string> Activities);

/// <summary>
/// The shape of a real application's orchestration, read from its engine history (the admin detail's
/// <c>history</c>): episode by episode (each starts at an <c>OrchestratorStarted</c>), the events raised into it and
/// the activities it scheduled. The engine's ceiling replays this shape with no-op activities.
/// </summary>
internal static class ApplicationShape
{
    public static async Task<IReadOnlyList<ShapeEpisode>> ReadAsync(BenchmarkHost host, string applicationId)
    {
        var detail = await host.AdminJsonAsync($"/api/admin/applications/{applicationId}");
        var episodes = new List<(List<string> Events, List<string> Activities)>();
        foreach (var entry in detail.GetProperty("history").EnumerateArray())
        {
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() : null;
            switch (entry.GetProperty("eventType").GetString())
            {
                case "OrchestratorStarted":
                    episodes.Add(([], []));
                    break;
                case "EventRaised" when episodes.Count > 0 && name is not null:
                    episodes[^1].Events.Add(name);
                    break;
                case "TaskScheduled" when episodes.Count > 0 && name is not null:
                    episodes[^1].Activities.Add(name);
                    break;
            }
        }

        // An episode that scheduled nothing (it took an activity's answer, a timer or an event and waited on) is folded
        // into the next: its events wake that one, raised after the activities before them as the others are.
        var shape = new List<ShapeEpisode>();
        var waking = new List<string>();
        foreach (var (events, activities) in episodes)
        {
            waking.AddRange(events);
            if (activities.Count > 0)
            {
                shape.Add(new ShapeEpisode([.. waking], activities));
                waking.Clear();
            }
        }

        return shape;
    }

    public static string Describe(IReadOnlyList<ShapeEpisode> shape) =>
        $"{shape.Sum(e => e.Activities.Count)} activities and {shape.Sum(e => e.Events.Count)} external events (a timer each) in {shape.Count} episodes";
}
