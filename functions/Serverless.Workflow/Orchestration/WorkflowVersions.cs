using Microsoft.DurableTask;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// The versions of the workflow (docs/workflow.md, Versions). An application waits for weeks, so an instance keeps
/// the path it started on: new instances carry their version as the engine's orchestration version
/// (<see cref="DurableOptions.WorkflowVersion"/>, <see cref="Current"/> unless lowered), the workers take instances of
/// <see cref="Current"/> or older, and the orchestrator branches on it.
/// </summary>
public static class WorkflowVersions
{
    /// <summary>
    /// 1: five quick activity retries, then Failed for good. 2: retries back off for an hour, then a failed step
    /// waits for an admin. 3: the firm confirms its application from the mailed link before anything else happens.
    /// 4: an approval the call's budget refused makes the review wait for the budget (<c>pending.kind = Budget</c>).
    /// </summary>
    public const int Current = 4;

    /// <summary><see cref="Current"/> as the engine writes it (host.json's <c>defaultVersion</c> is the same).</summary>
    public const string CurrentName = "4";

    /// <summary>A version as the engine writes it.</summary>
    public static string Name(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The version an instance started on: the engine's, since version 3; before that the engine carried none and the
    /// input said it (1 when it said nothing either).
    /// </summary>
    public static int Of(TaskOrchestrationContext context, ApplicationStarted input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return int.TryParse(context.Version, out var version) ? version : input.Version;
    }
}
