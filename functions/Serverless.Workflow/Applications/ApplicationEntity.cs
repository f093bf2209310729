using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Applications;

/// <summary>The application's row in the Applications table: the business record and its projected status.</summary>
public sealed class ApplicationEntity : ITableEntity
{
    public const string Row = "application";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Programme { get; set; } = "";

    public string ReceiptNumber { get; set; } = "";

    /// <summary>The call for applications that took it (docs/api.md, Calls); empty for applications taken before calls.</summary>
    public string CallId { get; set; } = "";

    /// <summary>The validated <see cref="ApplicationForm"/> as JSON.</summary>
    public string FormJson { get; set; } = "";

    /// <summary>SHA-256 of the submitted body: a retry of the same submission is recognised by it.</summary>
    public string RequestHash { get; set; } = "";

    public string? MiniCluster { get; set; }

    /// <summary>The latest <see cref="Diagnosis.DiagnosisReport"/> as JSON (diagnosis and support plan); null before.</summary>
    public string? DiagnosisJson { get; set; }

    public string Language { get; set; } = "ko";

    public string FirmName { get; set; } = "";

    public string BusinessRegistrationNumber { get; set; } = "";

    public string FirmEmail { get; set; } = "";

    public string Status { get; set; } = nameof(ApplicationStatus.Submitted);

    public string Stage { get; set; } = nameof(ApplicationStage.Intake);

    public int Round { get; set; }

    /// <summary>The review round whose requested changes the firm has sent (one resubmission per round).</summary>
    public int? ChangesSentInRound { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The workflow version the application started on (<see cref="Orchestration.WorkflowVersions"/>); 0 before versions were recorded here (1 or 2).</summary>
    public int WorkflowVersion { get; set; }

    /// <summary>When the firm confirmed the application from its mailed link (version 3 on); null until then.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the step the application waits for is due (null: nothing due); past it, the SLA is breached.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string ApplicationId => PartitionKey;

    public ApplicationStatus CurrentStatus => Enum.Parse<ApplicationStatus>(Status);
}

/// <summary>One entry of the audit trail (ApplicationEvents): what happened, when, from which status to which.</summary>
public sealed class ApplicationEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Type { get; set; } = "";

    public string Actor { get; set; } = "";

    public string? FromStatus { get; set; }

    public string? ToStatus { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }
}
