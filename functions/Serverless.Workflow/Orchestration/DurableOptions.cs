using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// The durable engine's settings for the local host. The Functions app takes the same values from host.json
/// (task hub from %TASKHUB_NAME%), so the two engines behave alike.
/// </summary>
public sealed class DurableOptions
{
    public const string Section = "Durable";

    /// <summary>Azure Storage task hub names: 3-45 letters or digits, starting with a letter.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "Durable:TaskHub must be 3-45 letters or digits, starting with a letter.")]
    public string TaskHub { get; set; } = "GrowthSupport";

    /// <summary>
    /// The engine's own storage (queues, history, instances), when it should not share the business storage
    /// (in Azure: AzureWebJobsStorage). Unset: the engine uses Storage:ConnectionString.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Control-queue partitions. One machine gains nothing from more than one.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 1;

    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// How long a dequeued engine message stays hidden (DTFx's default, 5 minutes). It is also how long a message a
    /// killed host had taken stays hidden before another host can process it. Shorter is dangerous: under load a
    /// prefetched message can wait longer than that in memory, reappear, and be processed twice (seen at 30 s:
    /// "Multiple ExecutionStartedEvent found").
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The workflow version new applications start on (<see cref="WorkflowVersions"/>). Both hosts start instances with
    /// it; the workers take every version up to <see cref="WorkflowVersions.Current"/> (the Functions app's host.json
    /// says the same). Lowered only to send new applications down an older path again.
    /// </summary>
    [Range(2, WorkflowVersions.Current)]
    public int WorkflowVersion { get; set; } = WorkflowVersions.Current;

    /// <summary>The longest the engine waits between queue polls when idle: the latency floor of a quiet host.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
