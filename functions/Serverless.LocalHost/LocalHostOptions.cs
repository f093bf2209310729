using System.ComponentModel.DataAnnotations;

namespace Serverless.LocalHost;

/// <summary>Settings only the local host has (docs/architecture.md, Configuration).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>The key admin routes expect in <c>x-functions-key</c>; generated at start when not set.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Seeds a demo pool of experts and reviewers at start (see <see cref="Demo.DemoData"/>).</summary>
    public bool SeedDemoData { get; set; }

    [Required]
    public AzuriteOptions Azurite { get; set; } = new();

    /// <summary>
    /// How many anonymous writes (applications, uploads, link answers) one client address may make a minute; beyond
    /// it, 429 with Retry-After. In Azure the front door or API Management in front of the app does this.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousWritesPerMinute { get; set; } = 60;

    /// <summary>Measuring mode: each answer lists the storage requests it took (<see cref="StorageRequestReport"/>).</summary>
    public bool ReportStorageRequests { get; set; }
}

public sealed class AzuriteOptions
{
    /// <summary>Where Azurite keeps its data; a relative path is taken from the repository root.</summary>
    [Required]
    public string DataPath { get; set; } = Path.Combine(".local", "azurite");

    /// <summary>A throwaway store: nothing is written to disk.</summary>
    public bool InMemory { get; set; }

    /// <summary>0 picks a free port; a taken standard port is replaced by a free one.</summary>
    [Range(0, 65535)]
    public int BlobPort { get; set; } = 10000;

    [Range(0, 65535)]
    public int QueuePort { get; set; } = 10001;

    [Range(0, 65535)]
    public int TablePort { get; set; } = 10002;

    /// <summary>The engine's own Azurite: beside this one's data, on free ports.</summary>
    public AzuriteOptions ForEngine() => new()
    {
        DataPath = Path.Combine(DataPath, "engine"),
        InMemory = InMemory,
        BlobPort = 0,
        QueuePort = 0,
        TablePort = 0,
    };
}
