using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Workflow.Diagnosis;

public static class DiagnosisRegistration
{
    /// <summary>The innovation-capability rubric and the support plan (steps 2-3).</summary>
    public static IServiceCollection AddDiagnosis(this IServiceCollection services)
    {
        services.AddValidatedOptions<DiagnosisOptions>(DiagnosisOptions.Section);
        services.AddValidatedOptions<PlanOptions>(PlanOptions.Section);
        return services;
    }
}
