using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Confirmation;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Email;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Operations;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Reports;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow;

public static class WorkflowRegistration
{
    /// <summary>Everything both hosts share: the plumbing, then each capability in the workflow's order (docs/workflow.md).</summary>
    public static IHostApplicationBuilder AddWorkflow(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStorage();
        builder.AddEmail();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services
            .AddLinks()
            .AddOrchestration()
            .AddCalls()
            .AddReports()
            .AddApplications()
            .AddConfirmation()
            .AddFirms()
            .AddDocuments()
            .AddScreening()
            .AddDiagnosis()
            .AddReview()
            .AddExperts()
            .AddMatching()
            .AddEngagement()
            .AddCompletion()
            .AddAdmin()
            .AddOperations();
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
