using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Serverless.LocalHost.Azurite;

/// <summary>
/// Azurite (Blob, Queue, Table) started from the repository's node_modules on 127.0.0.1 and stopped on dispose.
/// Used by the local host and by the tests' shared fixture.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account; it is public and only ever valid against the emulator.
    const string AccountName = "devstoreaccount1";
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    const int PortRaceAttempts = 3;

    readonly Process process;
    readonly StderrTail stderr;
    readonly string? pidFile;

    AzuriteProcess(Process process, StderrTail stderr, string? pidFile, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.stderr = stderr;
        this.pidFile = pidFile;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Starts Azurite and returns once all three services accept connections. A free port can be taken by another
    /// process between our choosing it and Azurite binding it; then Azurite is started again on other free ports.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken);
            }
            catch (StartupException e) when (attempt < PortRaceAttempts && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Lost a race for a port: choose again.
            }
        }
    }

    static async Task<AzuriteProcess> StartOnceAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (repoRoot, azuriteMain) = FindAzurite();
        var blob = PortOrFree(options.BlobPort);
        var queue = PortOrFree(options.QueuePort, blob);
        var table = PortOrFree(options.TablePort, blob, queue);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Azurite", "azurite-child.js"), azuriteMain,
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
            "--skipApiVersionCheck", "--silent", "--disableTelemetry", "--loose",
        })
        {
            start.ArgumentList.Add(arg);
        }

        string? location = null;
        if (options.InMemory)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            location = Path.GetFullPath(options.DataPath, repoRoot);
            try
            {
                Directory.CreateDirectory(location);
            }
            catch (IOException e)
            {
                throw new StartupException($"Azurite cannot keep its data in '{location}': {e.Message}", e);
            }

            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
            await WaitForPreviousAsync(location, cancellationToken);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new StartupException("Azurite could not be started: node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new StartupException("Azurite could not be started: Node.js ('node') was not found on PATH.", e);
        }

        var pidFile = location is null ? null : PidFile(location);
        if (pidFile is not null)
        {
            await File.WriteAllTextAsync(pidFile, $"{process.Id}", CancellationToken.None);
        }

        var stderr = new StderrTail(process);
        var azurite = new AzuriteProcess(process, stderr, pidFile, blob, queue, table);
        try
        {
            await azurite.WaitUntilReadyAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits for an Azurite still running on this data (the one a crashed host left behind saves its stores as it
    /// closes): one started on the same files before that save would load the older files, and its own saves would
    /// then write over the last seconds the crashed host had acknowledged. Two hosts on one data folder are refused.
    /// </summary>
    static async Task WaitForPreviousAsync(string location, CancellationToken cancellationToken)
    {
        if (PreviousAzurite(location) is not { } previous)
        {
            return;
        }

        using (previous)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(StopTimeout);
            try
            {
                await previous.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StartupException(
                    $"Another Azurite (process {previous.Id}) is using '{location}': is a second local host running on this data? Stop it first.");
            }
        }
    }

    /// <summary>The Azurite process the pid file names, if it still runs; a reused pid of another program is not it.</summary>
    static Process? PreviousAzurite(string location)
    {
        var pidFile = PidFile(location);
        if (!int.TryParse(File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, out var pid))
        {
            return null;
        }

        try
        {
            var previous = Process.GetProcessById(pid);
            if (!previous.HasExited && previous.ProcessName == "node")
            {
                return previous;
            }

            previous.Dispose();
        }
        catch (ArgumentException)
        {
            // No such process: it has ended.
        }

        return null;
    }

    static string PidFile(string location) => Path.Combine(location, "azurite.pid");

    async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await AcceptsAsync(port, cancellationToken))
            {
                if (process.HasExited)
                {
                    throw new StartupException($"Azurite exited at start (code {process.ExitCode}): {stderr.Text}");
                }

                if (deadline.Elapsed > ReadyTimeout)
                {
                    throw new StartupException($"Azurite did not answer on port {port} within {ReadyTimeout.TotalSeconds:0} s: {stderr.Text}");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // Closing stdin makes azurite-child.js stop Azurite gracefully; kill only if it does not.
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // Stopped and saved: a later start must not take some other program that reuses the pid for this Azurite.
        if (pidFile is not null)
        {
            File.Delete(pidFile);
        }

        process.Dispose();
    }

    static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    static int PortOrFree(int wanted, params int[] taken) =>
        wanted != 0 && !taken.Contains(wanted) && IsFree(wanted) ? wanted : FreePort();

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port the OS just handed out; free until someone else binds it, which on loopback is good enough.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Finds node_modules/azurite by walking up from the build output, then from the working directory. The folder
    /// holding node_modules is the repository root, which a relative data path is taken from.
    /// </summary>
    static (string RepoRoot, string AzuriteMain) FindAzurite()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var main = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(main))
                {
                    return (dir.FullName, main);
                }
            }
        }

        throw new StartupException("Azurite is not installed: run 'npm ci' in the repository root (the build does this when node_modules is missing).");
    }

    /// <summary>Keeps the last lines Azurite wrote to stderr, to say why it failed.</summary>
    sealed class StderrTail
    {
        readonly Queue<string> lines = new();

        public StderrTail(Process process)
        {
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (lines)
                {
                    lines.Enqueue(e.Data);
                    if (lines.Count > 5)
                    {
                        lines.Dequeue();
                    }
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public string Text
        {
            get
            {
                lock (lines)
                {
                    return lines.Count == 0 ? "(no output)" : string.Join(" | ", lines);
                }
            }
        }
    }
}
