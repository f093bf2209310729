using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Diagnosis;

public sealed record DiagnoseRequest(string ApplicationId, DateTimeOffset At);

/// <summary>The diagnosis and the plan, as stored with the application and in <c>{applicationId}/diagnosis.json</c>.</summary>
public sealed record DiagnosisReport(DiagnosisResult Diagnosis, SupportPlanResult Plan);

/// <summary>
/// Diagnoses the application's current form and makes its support plan; stores both with the application and the
/// full report as a blob. Idempotent: the same input gives the same report, written over itself.
/// </summary>
public sealed class DiagnoseApplicationActivity(
    ApplicationStore applications, WorkflowStorage storage, IOptions<DiagnosisOptions> diagnosis, IOptions<PlanOptions> plan)
    : TaskActivity<DiagnoseRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, DiagnoseRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.GetAsync(input.ApplicationId, CancellationToken.None);
        var form = JsonSerializer.Deserialize<ApplicationForm>(application.FormJson, Json.Options)!;
        var result = Rubric.Diagnose(form, KoreaTime.DateOf(application.SubmittedAt), diagnosis.Value, input.At);
        var report = new DiagnosisReport(result, SupportPlan.Make(form, result, plan.Value));

        await storage.Documents.GetBlobClient($"{input.ApplicationId}/diagnosis.json")
            .UploadAsync(BinaryData.FromObjectAsJson(report, Json.Options), overwrite: true);
        await applications.SaveDiagnosisAsync(application, report, CancellationToken.None);
        return result.TotalScore;
    }
}

/// <summary>How the orchestrator runs <see cref="DiagnoseApplicationActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class DiagnoseApplicationCall
{
    public static Task<int> DiagnoseAsync(this StatusSteps steps, DiagnoseRequest request) =>
        steps.CallAsync<int>(nameof(DiagnoseApplicationActivity), request);
}
