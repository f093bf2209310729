using System.Text.Json.Serialization;

namespace Serverless.Workflow.Applications;

// Both enums travel as their names everywhere (history, custom status, API), so what admins and logs show reads.

/// <summary>Where an application stands (docs/workflow.md, Statuses and stages).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
public enum ApplicationStatus
{
    Submitted,
    AwaitingDocuments,
    Ineligible,
    Diagnosed,
    AwaitingReview,
    ChangesRequested,
    Approved,
    Rejected,
    Matching,
    Unmatched,
    InProgress,
    AwaitingFeedback,
    Completed,
    Expired,
    Terminated,
    Failed,
}

/// <summary>The coarse phase a status belongs to, for dashboards and filters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStage>))]
public enum ApplicationStage
{
    Intake,
    Screening,
    Diagnosis,
    Review,
    Matching,
    Execution,
    Feedback,
    Closed,
}

public static class ApplicationStatusExtensions
{
    public static ApplicationStage Stage(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => ApplicationStage.Intake,
        ApplicationStatus.AwaitingDocuments or ApplicationStatus.Ineligible => ApplicationStage.Screening,
        ApplicationStatus.Diagnosed => ApplicationStage.Diagnosis,
        ApplicationStatus.AwaitingReview or ApplicationStatus.ChangesRequested
            or ApplicationStatus.Approved or ApplicationStatus.Rejected => ApplicationStage.Review,
        ApplicationStatus.Matching or ApplicationStatus.Unmatched => ApplicationStage.Matching,
        ApplicationStatus.InProgress => ApplicationStage.Execution,
        ApplicationStatus.AwaitingFeedback => ApplicationStage.Feedback,
        _ => ApplicationStage.Closed,
    };

    /// <summary>
    /// Terminal means terminal: no write leaves a terminal status, but for the two an admin decides on a Failed
    /// application, taking it up again (<paramref name="reopens"/>, from its failed step) or terminating it.
    /// </summary>
    public static bool CanMove(this ApplicationStatus from, ApplicationStatus to, bool reopens) =>
        from == to || !from.IsTerminal()
        || (from == ApplicationStatus.Failed && (reopens || to == ApplicationStatus.Terminated));

    /// <summary>Terminal statuses end the orchestration; a firm may apply again after one.</summary>
    public static bool IsTerminal(this ApplicationStatus status) => status is
        ApplicationStatus.Ineligible or ApplicationStatus.Rejected or ApplicationStatus.Completed
        or ApplicationStatus.Expired or ApplicationStatus.Terminated or ApplicationStatus.Failed;
}
