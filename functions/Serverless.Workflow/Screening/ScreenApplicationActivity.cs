using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Http;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Screening;

/// <summary>Why a firm is not eligible; the codes travel in history, the words are in the mails.</summary>
public static class IneligibilityReasons
{
    public const string RevenueOverCeiling = nameof(RevenueOverCeiling);
    public const string TooManyEmployees = nameof(TooManyEmployees);
}

/// <summary>What screening found: eligibility (with reasons) and the required documents still missing.</summary>
public sealed record ScreeningResult(bool Eligible, IReadOnlyList<string> Reasons, IReadOnlyList<DocumentKind> Missing);

/// <summary>Screens an application as it stands: its form against the ceilings, its uploads against the required kinds.</summary>
public sealed class ScreenApplicationActivity(ApplicationStore applications, DocumentStore documents, IOptions<ScreeningOptions> options)
    : TaskActivity<string, ScreeningResult>
{
    public override async Task<ScreeningResult> RunAsync(TaskActivityContext context, string input)
    {
        var application = await applications.GetAsync(input, CancellationToken.None);
        var form = JsonSerializer.Deserialize<ApplicationForm>(application.FormJson, Json.Options)!;
        var ceilings = options.Value;
        var reasons = new List<string>();
        if (Rubric.Latest(form).RevenueKrw > ceilings.MaxRevenueKrw)
        {
            reasons.Add(IneligibilityReasons.RevenueOverCeiling);
        }

        if (form.Firm.Employees >= ceilings.EmployeesBelow)
        {
            reasons.Add(IneligibilityReasons.TooManyEmployees);
        }

        var uploaded = (await documents.ListAsync(input, CancellationToken.None)).Select(d => d.Kind).ToHashSet();
        return new ScreeningResult(
            reasons.Count == 0, reasons, [.. DocumentRules.Required.Where(kind => !uploaded.Contains(kind.ToString()))]);
    }
}

/// <summary>How the orchestrator runs <see cref="ScreenApplicationActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class ScreenApplicationCall
{
    public static Task<ScreeningResult> ScreenAsync(this StatusSteps steps) =>
        steps.CallAsync<ScreeningResult>(nameof(ScreenApplicationActivity), steps.ApplicationId);
}
