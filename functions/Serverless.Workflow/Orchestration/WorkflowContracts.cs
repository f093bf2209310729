using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Orchestration;

// Everything here crosses the orchestration boundary and is kept in history:
// change it only additively, never rename a property of a record in flight.

/// <summary>The orchestration's input: the application it carries.</summary>
public sealed record ApplicationStarted(string ApplicationId);

/// <summary>A status the orchestrator has decided on, for the projection activity to write.</summary>
public sealed record StatusChange(string ApplicationId, ApplicationStatus Status, int Round, DateTimeOffset At, string? Note = null);

/// <summary>What the application is waiting for, and until when.</summary>
public sealed record PendingStep(string Kind, DateTimeOffset Since, DateTimeOffset? DueAt);

/// <summary>The orchestration's custom status, mirrored from the projection.</summary>
public sealed record WorkflowStatus(ApplicationStatus Status, ApplicationStage Stage, int Round, PendingStep? Pending);

/// <summary>Raised when a firm uploads a document.</summary>
public sealed record DocumentsUpdated(string DocumentId, string Kind);

/// <summary>Raised when a firm resubmits its application after a reviewer asked for changes.</summary>
public sealed record ApplicationUpdated(DateTimeOffset At);

/// <summary>Event names, used by both the raiser and the waiter.</summary>
public static class WorkflowEvents
{
    public const string DocumentsUpdated = nameof(DocumentsUpdated);
    public const string ApplicationUpdated = nameof(ApplicationUpdated);
}

/// <summary>Kinds of <see cref="PendingStep"/>.</summary>
public static class PendingKinds
{
    public const string Documents = nameof(Documents);
}
