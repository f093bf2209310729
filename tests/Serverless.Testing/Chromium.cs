namespace Serverless.Testing;

/// <summary>The Chromium the browser tests drive: <c>CHROMIUM_PATH</c> if set, else the first on <c>PATH</c>.</summary>
public static class Chromium
{
    static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The executable; without one, an exception whose one line says how to install it.</summary>
    public static string ExecutablePath()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CHROMIUM_PATH is '{configured}', which does not exist: point it at a Chromium executable.");
        }

        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            "The browser tests need Chromium: install it with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH).");
    }
}
