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

    /// <summary>Control-queue partitions. One machine gains nothing from more than one.</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 1;

    [Range(1, 1000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    [Range(1, 1000)]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// How long a dequeued engine message stays hidden. A host killed mid-step leaves its message hidden this long
    /// before another host can take it: the recovery time after a crash. Steps here take well under a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest the engine waits between queue polls when idle: the latency floor of a quiet host.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
