using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Workflow.Storage;

/// <summary>
/// The storage requests made on behalf of one piece of work (in the local host, one HTTP request when
/// <c>LocalHost:ReportStorageRequests</c> is on), as <see cref="StorageRequestPolicy"/> on every SDK client sees them
/// leave. Outside a scope nothing is recorded: the policy then costs one read of an <see cref="AsyncLocal{T}"/>.
/// </summary>
public sealed class StorageRequestScope : IDisposable
{
    static readonly AsyncLocal<StorageRequestScope?> Ambient = new();
    static readonly ConcurrentDictionary<string, StorageRequestScope> Open = new();

    readonly ConcurrentQueue<string> requests = new();

    StorageRequestScope()
    {
    }

    /// <summary>Names the scope across a call that does not carry the execution context (the engine's gRPC sidecar).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Each request as <c>{service} {method} {table, queue or container}</c>, in the order they were sent.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    internal static StorageRequestScope? Current => Ambient.Value;

    /// <summary>Records what the calling flow sends from here on, until disposed.</summary>
    public static StorageRequestScope Begin()
    {
        var scope = new StorageRequestScope();
        Open[scope.Id] = scope;
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>The current flow's scope id, to be carried to another part of this process.</summary>
    public static string? CurrentId => Ambient.Value?.Id;

    /// <summary>Continues, in the calling flow, a scope begun elsewhere in this process (unknown ids are ignored).</summary>
    public static void Continue(string id)
    {
        if (Open.TryGetValue(id, out var scope))
        {
            Ambient.Value = scope;
        }
    }

    public void Dispose() => Open.TryRemove(Id, out _);

    internal void Record(string request) => requests.Enqueue(request);
}

/// <summary>Records each storage request (every attempt, retries included) into the current <see cref="StorageRequestScope"/>.</summary>
public sealed class StorageRequestPolicy(string service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        StorageRequestScope.Current?.Record($"{service} {message.Request.Method} {Resource(message.Request.Uri.ToUri())}");
    }

    /// <summary>
    /// The table, queue or container a request addresses, without keys or blob names (they name applications). Azurite
    /// and other IP or localhost endpoints put the account name first in the path.
    /// </summary>
    static string Resource(Uri uri)
    {
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var pathStyle = uri.IsLoopback || IPAddress.TryParse(uri.Host, out _);
        var parts = segments.Skip(pathStyle ? 1 : 0).ToArray();
        if (parts.Length == 0)
        {
            return "(account)";
        }

        var name = parts[0].Split('(')[0];
        return parts.Length > 1 && parts[1] == "messages" ? $"{name}/messages" : name;
    }
}
