using Serverless.Benchmarks.Hosting;

namespace Serverless.Benchmarks.EngineCeiling;

/// <summary>
/// One episode of an application's orchestration: the external events that woke it (none for the first episode or an
/// activity's answer), the timers it created (deadlines: none fires in a run, each stays queued until its time, as in
/// the engine) and the activities it scheduled together (they run side by side).
/// </summary>
internal sealed record ShapeEpisode(IReadOnlyList<string> Events, int Timers, IReadOnlyList<string> Activities);

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
        var episodes = new List<(List<string> Events, List<string> Activities, int Timers)>();
        foreach (var entry in detail.GetProperty("history").EnumerateArray())
        {
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() : null;
            switch (entry.GetProperty("eventType").GetString())
            {
                case "OrchestratorStarted":
                    episodes.Add(([], [], 0));
                    break;
                case "EventRaised" when episodes.Count > 0 && name is not null:
                    episodes[^1].Events.Add(name);
                    break;
                case "TaskScheduled" when episodes.Count > 0 && name is not null:
                    episodes[^1].Activities.Add(name);
                    break;
                case "TimerCreated" when episodes.Count > 0:
                    episodes[^1] = episodes[^1] with { Timers = episodes[^1].Timers + 1 };
                    break;
            }
        }

        // An episode that scheduled nothing (it took an activity's answer, a timer or an event and waited on) is folded
        // into the next: its events wake that one, raised after the activities before them as the others are, and its
        // timers are created there.
        var shape = new List<ShapeEpisode>();
        var waking = new List<string>();
        var timers = 0;
        foreach (var (events, activities, created) in episodes)
        {
            waking.AddRange(events);
            timers += created;
            if (activities.Count > 0)
            {
                shape.Add(new ShapeEpisode([.. waking], timers, activities));
                waking.Clear();
                timers = 0;
            }
        }

        return shape;
    }

    public static string Describe(IReadOnlyList<ShapeEpisode> shape) =>
        $"{shape.Sum(e => e.Activities.Count)} activities, {shape.Sum(e => e.Events.Count)} external events and {shape.Sum(e => e.Timers)} timers in {shape.Count} episodes";
}
