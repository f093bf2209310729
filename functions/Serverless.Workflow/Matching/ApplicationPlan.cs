using System.Text.Json;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Matching;

/// <summary>The support plan stored with an application (its latest diagnosis).</summary>
public static class ApplicationPlan
{
    public static IReadOnlyList<PlanTask> Tasks(ApplicationEntity application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.DiagnosisJson is { } json ? JsonSerializer.Deserialize<DiagnosisReport>(json, Json.Options)!.Plan.Tasks : [];
    }

    /// <summary>Task ids are T1, T2, …: anything else is not looked up at all.</summary>
    public static bool IsTaskId(string? id) =>
        id is { Length: >= 2 and <= 4 } && id[0] == 'T' && id[1] is >= '1' and <= '9' && id[1..].All(char.IsAsciiDigit);

    public static PlanTask? Task(ApplicationEntity application, string taskId) => Tasks(application).FirstOrDefault(t => t.TaskId == taskId);
}
