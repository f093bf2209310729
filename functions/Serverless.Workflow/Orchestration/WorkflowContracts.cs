using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Orchestration;

// Everything here crosses the orchestration boundary and is kept in history:
// change it only additively, never rename a property of a record in flight.

/// <summary>
/// The orchestration's input: the application it carries, and the version of the workflow it started on
/// when the engine carried no version (<see cref="WorkflowVersions"/>; instances started before versions existed read 1).
/// </summary>
public sealed record ApplicationStarted(string ApplicationId, int Version = 1);

/// <summary>
/// A status the orchestrator has decided on, for the projection activity to write. <see cref="Reopens"/>: the
/// workflow takes up a Failed application again, as an admin asked (the one move out of a terminal status).
/// </summary>
public sealed record StatusChange(
    string ApplicationId, ApplicationStatus Status, int Round, DateTimeOffset At, string? Note = null, DateTimeOffset? DueAt = null, bool Reopens = false);

/// <summary>An admin asks a Failed application's workflow to try its failed step again.</summary>
public sealed record RetryRequested(string Reason, DateTimeOffset At);

/// <summary>What the application is waiting for, and until when.</summary>
public sealed record PendingStep(string Kind, DateTimeOffset Since, DateTimeOffset? DueAt);

/// <summary>The orchestration's custom status, mirrored from the projection.</summary>
public sealed record WorkflowStatus(ApplicationStatus Status, ApplicationStage Stage, int Round, PendingStep? Pending);

/// <summary>Raised when a firm uploads a document.</summary>
public sealed record DocumentsUpdated(string DocumentId, string Kind);

/// <summary>Raised when the firm confirms its application from the link in its receipt mail.</summary>
public sealed record ApplicationConfirmed(DateTimeOffset At);

/// <summary>Raised when a firm resubmits its application after a reviewer asked for changes.</summary>
public sealed record ApplicationUpdated(DateTimeOffset At);

/// <summary>A reviewer's decision (<see cref="ReviewDecisions"/>), raised by the review link.</summary>
public sealed record ReviewDecided(string Decision, string? Comment, string ReviewerId, DateTimeOffset At);

/// <summary>An admin asks for the pending link to be mailed again (or for a reviewer to be found, when there was none).</summary>
public sealed record ResendRequested(string Reason, DateTimeOffset At);

/// <summary>A reviewer's approval the call's budget could not cover (version 4 on: the review then waits for the budget).</summary>
public sealed record BudgetShort(long LeftKrw, long NeededKrw, DateTimeOffset At);

/// <summary>How an expert's offer ended (raised by the offer link, or decided by its deadline).</summary>
public enum OfferResult
{
    Accepted,
    Declined,
    Lapsed,

    /// <summary>The expert accepted but could take no more work (capacity reached, deactivated, or the task was given).</summary>
    Unavailable,
}

/// <summary>An expert's answer to an offer.</summary>
public sealed record OfferAnswered(OfferResult Result, string ExpertId, string? Comment, DateTimeOffset At);

/// <summary>An admin gave an unmatched task to an expert (whose load was already taken).</summary>
public sealed record ExpertAssigned(string ExpertId, DateTimeOffset At);

/// <summary>An expert's engagement report; <see cref="Blob"/> is the stored file, if one came.</summary>
public sealed record ReportSubmitted(string Summary, string? Blob, DateTimeOffset At);

/// <summary>The firm's feedback on the support it received.</summary>
public sealed record FeedbackGiven(int Rating, string? Comment, DateTimeOffset At);

/// <summary>
/// Event names, used by both the raiser and the waiter. Events a step waits for once per round carry the round, so
/// a late or repeated event of one round is never taken for the next round's.
/// </summary>
public static class WorkflowEvents
{
    public const string DocumentsUpdated = nameof(DocumentsUpdated);

    public static string ApplicationUpdated(int round) => $"{nameof(Orchestration.ApplicationUpdated)}-{round}";

    public static string ReviewDecided(int round) => $"{nameof(Orchestration.ReviewDecided)}-{round}";

    public static string ResendRequested(int round) => $"{nameof(Orchestration.ResendRequested)}-{round}";

    public static string BudgetShort(int round) => $"{nameof(Orchestration.BudgetShort)}-{round}";

    public static string OfferAnswered(string taskId, int offer) => $"{nameof(Orchestration.OfferAnswered)}-{taskId}-{offer}";

    public static string ExpertAssigned(string taskId) => $"{nameof(Orchestration.ExpertAssigned)}-{taskId}";

    public static string ReportSubmitted(string taskId) => $"{nameof(Orchestration.ReportSubmitted)}-{taskId}";

    public const string FeedbackGiven = nameof(Orchestration.FeedbackGiven);

    public const string ApplicationConfirmed = nameof(Orchestration.ApplicationConfirmed);

    public const string RetryRequested = nameof(Orchestration.RetryRequested);
}

/// <summary>The decisions a reviewer can take (docs/api.md: the form field <c>decision</c>).</summary>
public static class ReviewDecisions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Changes = "changes";

    public static IReadOnlyList<string> All { get; } = [Approve, Reject, Changes];
}

/// <summary>Kinds of <see cref="PendingStep"/>.</summary>
public static class PendingKinds
{
    /// <summary>The firm has not yet confirmed the application from the link in its receipt mail (version 3 on).</summary>
    public const string Confirmation = nameof(Confirmation);

    public const string Documents = nameof(Documents);
    public const string Review = nameof(Review);
    public const string NoReviewer = nameof(NoReviewer);
    public const string Changes = nameof(Changes);
    public const string Matching = nameof(Matching);
    public const string Unmatched = nameof(Unmatched);
    public const string Engagement = nameof(Engagement);
    public const string Feedback = nameof(Feedback);

    /// <summary>A reviewer approved, but the call's budget no longer covers the plan: an admin raises it (the reviewer is mailed again) or the review rejects.</summary>
    public const string Budget = nameof(Budget);

    /// <summary>A step failed after its retries: the staff were told, and an admin's retry (or terminate) is awaited.</summary>
    public const string Retry = nameof(Retry);
}
