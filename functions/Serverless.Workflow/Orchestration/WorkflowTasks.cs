using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// The one list of orchestrators and activities. The local host registers exactly these; the Functions app has a
/// [Function] wrapper named after each (a test keeps the two equal).
/// </summary>
public static class WorkflowTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(SupportApplicationOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(LoadWorkflowOptionsActivity),
        typeof(RecordStatusActivity),
        typeof(SendEmailActivity),
        typeof(ScreenApplicationActivity),
        typeof(DiagnoseApplicationActivity),
        typeof(AssignReviewerActivity),
        typeof(SendReviewLinkActivity),
        typeof(CloseReviewActivity),
        typeof(LoadPlanActivity),
        typeof(OfferTaskActivity),
        typeof(AnswerOfferActivity),
        typeof(SendEngagementLinkActivity),
        typeof(RecordTaskActivity),
        typeof(SendFeedbackLinkActivity),
        typeof(FinishApplicationActivity),
    ];

    public static DurableTaskRegistry AddWorkflowTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in Activities)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }

    /// <summary>Activities take their dependencies from the container (orchestrators have none: they only decide).</summary>
    public static IServiceCollection AddWorkflowActivities(this IServiceCollection services)
    {
        foreach (var type in Activities)
        {
            services.AddTransient(type);
        }

        return services;
    }
}
