using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;

namespace Serverless.Workflow.Applications;

/// <summary>
/// What a firm sees of its application (GET /api/applications/{id}). <see cref="AwaitingConfirmation"/>: nothing
/// happens until the firm confirms from its mail; <see cref="DueAt"/>: until when what is pending may take;
/// <see cref="Form"/>: the firm's answers as they stand, for it to correct when a reviewer asks; <see cref="CallId"/>:
/// the call that took it (null for one taken before calls).
/// </summary>
public sealed record FirmApplicationView(
    string ApplicationId,
    string ReceiptNumber,
    string Programme,
    string? CallId,
    ApplicationStatus Status,
    ApplicationStage Stage,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    FirmSummary Firm,
    IReadOnlyList<DocumentInfo> Documents,
    IReadOnlyList<DocumentKind> MissingDocuments,
    DiagnosisResult? Diagnosis,
    SupportPlanResult? Plan,
    IReadOnlyList<AssignmentView>? Assignments,
    IReadOnlyList<TimelineEntry> Timeline,
    bool AwaitingConfirmation,
    DateTimeOffset? DueAt,
    ApplicationForm Form);

/// <summary>Accepted work on a task (docs/api.md: Active or Completed only), with the report's summary once it came.</summary>
public sealed record AssignmentView(string TaskId, string SupportType, string ExpertName, string Status, string? ReportSummary);

public sealed record FirmSummary(string Name, string BusinessRegistrationNumber);

public sealed record TimelineEntry(ApplicationStatus Status, DateTimeOffset At, string? Note);

/// <summary>The 202 answer to a submission.</summary>
public sealed record SubmissionAccepted(
    string ApplicationId, string ReceiptNumber, ApplicationStatus Status, string AccessToken, string StatusUrl, string DocumentsUrl);

/// <summary>The 202 answer to a firm's changed application.</summary>
public sealed record UpdateAccepted(string ApplicationId, string ReceiptNumber, ApplicationStatus Status);
