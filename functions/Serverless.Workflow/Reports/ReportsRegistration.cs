using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Reports;

public static class ReportsRegistration
{
    /// <summary>The outcome report of a call or a year: JSON, spreadsheet.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<OutcomeReportBuilder>();
        services.AddSingleton<OutcomeReportHandlers>();
        return services;
    }
}
