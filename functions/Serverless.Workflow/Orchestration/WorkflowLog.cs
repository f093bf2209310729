using Microsoft.Extensions.Logging;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// The workflow's own log lines. Each carries the application's id as a structured property (ApplicationId), so
/// Application Insights and any log query can follow one application through its orchestration and activities.
/// </summary>
public static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} is {Status} (round {Round})")]
    public static partial void StatusRecorded(ILogger logger, string applicationId, ApplicationStatus status, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: mail {MailKey} {Outcome}")]
    public static partial void MailHandled(ILogger logger, string applicationId, string mailKey, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Application {ApplicationId}: {Step} failed after its retries; the application ends as Failed")]
    public static partial void StepFailed(ILogger logger, string applicationId, string step);
}
