using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Functions.Orchestration;

/// <summary>
/// The activity context the shared <see cref="TaskActivity{TInput, TOutput}"/> classes expect, built from the
/// Functions invocation (the Functions worker binds the input, not the context).
/// </summary>
internal sealed class FunctionActivityContext(string name, FunctionContext function) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } =
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
}

internal static class FunctionActivities
{
    /// <summary>
    /// Runs one shared activity for a Functions invocation, taken from the container (activities are transient), under
    /// its type's name, as the local host's engine runs it.
    /// </summary>
    public static Task<TOutput> RunActivityAsync<TActivity, TInput, TOutput>(this FunctionContext function, TInput input)
        where TActivity : TaskActivity<TInput, TOutput> =>
        function.InstanceServices.GetRequiredService<TActivity>()
            .RunAsync(new FunctionActivityContext(typeof(TActivity).Name, function), input);
}
