using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Orchestration;

/// <summary>Every timer and deadline of the workflow (WORKFLOW.md), as options so tests run them in seconds.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>How long a firm has to complete its required documents before the application expires.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DocumentsDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>When a firm still missing documents is reminded (once); none when this is not before the deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DocumentsReminderAfter { get; set; } = TimeSpan.FromDays(3);
}
