using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

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
