using Microsoft.DurableTask;

namespace Serverless.Workflow.Orchestration;

/// <summary>The one way the workflow waits for an event with a deadline (docs/workflow.md, timers).</summary>
internal static class OrchestrationWaits
{
    /// <summary>
    /// Waits for the first of <paramref name="waits"/>, but not past <paramref name="until"/>. The timer is cancelled
    /// when an event comes first: an orchestration cannot finish while a timer of it is pending. The waits come before
    /// the timer in the race, so when both are in at once (on replay) the event wins, as it did before this helper.
    /// </summary>
    /// <returns>The wait that finished first, or null when the time came.</returns>
    public static async Task<Task?> FirstOrTimeoutAsync(this TaskOrchestrationContext context, DateTime until, params Task[] waits)
    {
        using var wakeUp = new CancellationTokenSource();
        var timer = context.CreateTimer(until, wakeUp.Token);
        var first = await Task.WhenAny([.. waits, timer]);
        if (first == timer)
        {
            return null;
        }

        wakeUp.Cancel();
        return first;
    }

    /// <summary>True when <paramref name="wait"/> finished by <paramref name="until"/>; false when the time came first.</summary>
    public static async Task<bool> ArrivesByAsync(this TaskOrchestrationContext context, Task wait, DateTime until) =>
        await context.FirstOrTimeoutAsync(until, wait) is not null;
}
