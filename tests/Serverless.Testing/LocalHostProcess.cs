using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Serverless.LocalHost.Azurite;

namespace Serverless.Testing;

/// <summary>
/// The local host as users run it: a separate process on a free port, talked to over real HTTP. Tests can stop it
/// gracefully (SIGTERM), or kill it (SIGKILL) to play a crash.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    readonly Process process;
    readonly StringBuilder output = new();

    LocalHostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything the host printed so far (for assertions on its messages and for failure diagnostics).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    const string WriteLimit = "LocalHost:AnonymousWritesPerMinute";

    /// <summary>Starts the host with the given settings (as --Section:Key=value arguments) without waiting for it.</summary>
    public static LocalHostProcess Launch(IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? AzuriteProcess.FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(RepoPaths.LocalHostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        // Tests act as many firms from one address; the write limit per address has tests of its own.
        var withLimit = settings.ContainsKey(WriteLimit) ? settings : new Dictionary<string, string>(settings) { [WriteLimit] = "1000000" };
        foreach (var (key, value) in withLimit)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        return new LocalHostProcess(Process.Start(start)!, baseAddress);
    }

    /// <summary>Settings for a host on the shared Azurite with tables and a task hub no other host uses.</summary>
    public static Dictionary<string, string> IsolatedSettings(AzuriteFixture azurite, params (string Key, string Value)[] overrides)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var settings = new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.Unique(),
            ["Durable:TaskHub"] = AzuriteFixture.Unique("hub"),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts a host and waits until it is healthy; with <paramref name="standingCall"/>, opens a call for its programmes (<see cref="StandingCall"/>).</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, bool standingCall = true)
    {
        var host = Launch(settings);
        await host.WaitUntilHealthyAsync();
        if (standingCall)
        {
            await StandingCall.OpenAsync(settings);
        }

        return host;
    }

    /// <summary>Starts an isolated host on the shared Azurite (see <see cref="IsolatedSettings"/>).</summary>
    public static Task<LocalHostProcess> StartAsync(AzuriteFixture azurite, params (string Key, string Value)[] overrides) =>
        StartAsync(IsolatedSettings(azurite, overrides));

    /// <summary>Polls /api/health until it answers 200; fails with the host's output if it exits or takes too long.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The local host was not healthy within {StartTimeout}:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself (a host that refuses to start).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The local host still ran {timeout} later:\n{Output}");
        }

        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    /// <summary>A crash: SIGKILL, no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>What Ctrl-C or a service manager does: SIGINT, then wait for the orderly shutdown.</summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>GET as JSON with the firm's token.</summary>
    public async Task<T?> GetAsync<T>(string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>();
    }
}
