using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Operations;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow;

public static class WorkflowRegistration
{
    /// <summary>Everything both hosts share: options, storage, stores, handlers, orchestrator and activities.</summary>
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStorage();
        builder.AddEmail();
        builder.Services.AddValidatedOptions<IntakeOptions>(IntakeOptions.Section);
        builder.Services.AddValidatedOptions<WorkflowOptions>(WorkflowOptions.Section);
        builder.Services.AddValidatedOptions<ScreeningOptions>(ScreeningOptions.Section);
        builder.Services.AddValidatedOptions<DiagnosisOptions>(DiagnosisOptions.Section);
        builder.Services.AddValidatedOptions<PlanOptions>(PlanOptions.Section);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApplicationStore>();
        builder.Services.AddSingleton<ApplicationValidator>();
        builder.Services.AddSingleton<ReceiptNumbers>();
        builder.Services.AddSingleton<IntakeService>();
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddSingleton<FirmAccess>();
        builder.Services.AddSingleton<ApplicationHandlers>();
        builder.Services.AddSingleton<HealthHandler>();
        builder.Services.AddSingleton<ReviewerStore>();
        builder.Services.AddSingleton<ReviewerHandlers>();
        builder.Services.AddSingleton<ReviewAssignments>();
        builder.Services.AddSingleton<LinkStore>();
        builder.Services.AddSingleton<ILinkPurpose, ReviewLinkPurpose>();
        builder.Services.AddSingleton<ILinkPurpose, OfferLinkPurpose>();
        builder.Services.AddSingleton<ILinkPurpose, ReportLinkPurpose>();
        builder.Services.AddSingleton<ILinkPurpose, FeedbackLinkPurpose>();
        builder.Services.AddSingleton<ExpertStore>();
        builder.Services.AddSingleton<ExpertLoads>();
        builder.Services.AddSingleton<ExpertHandlers>();
        builder.Services.AddSingleton<AssignmentStore>();
        builder.Services.AddSingleton<EngagementLinks>();
        builder.Services.AddSingleton<ApplicationRelease>();
        builder.Services.AddSingleton<ApplicationStats>();
        builder.Services.AddSingleton<ApplicationQuery>();
        builder.Services.AddSingleton<OrchestrationHistory>();
        builder.Services.AddSingleton<FirmViews>();
        builder.Services.AddSingleton<AdminQueryHandlers>();
        builder.Services.AddSingleton<LinkHandlers>();
        builder.Services.AddSingleton<AdminApplicationHandlers>();
        builder.Services.AddWorkflowActivities();
        return builder;
    }

    /// <summary>Options bound from their section and validated when the host starts: a bad value stops the start.</summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
