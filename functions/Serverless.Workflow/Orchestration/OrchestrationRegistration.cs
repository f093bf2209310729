using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Orchestration;

public static class OrchestrationRegistration
{
    /// <summary>The workflow's timers, the version new instances start on, and the activities the engine runs (<see cref="WorkflowTasks"/>).</summary>
    public static IServiceCollection AddOrchestration(this IServiceCollection services)
    {
        services.AddValidatedOptions<WorkflowOptions>(WorkflowOptions.Section);
        services.AddValidatedOptions<DurableOptions>(DurableOptions.Section);
        services.AddWorkflowActivities();
        return services;
    }
}
