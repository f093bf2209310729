using Microsoft.Extensions.DependencyInjection;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Applications;

public static class ApplicationsRegistration
{
    /// <summary>Intake, the application store and the firm's routes (docs/workflow.md, step 0).</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddValidatedOptions<IntakeOptions>(IntakeOptions.Section);
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<ApplicationValidator>();
        services.AddSingleton<ReceiptNumbers>();
        services.AddSingleton<ReceiptMailLimit>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<FirmViews>();
        services.AddSingleton<ApplicationHandlers>();
        return services;
    }
}
