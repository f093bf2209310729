using System.Diagnostics;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.Functions.Tests;

/// <summary>`dotnet publish -c Release functions/Serverless.Functions` gives the package Azure runs: every function, the extensions, host.json.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task ReleasePublish_ContainsFunctionsMetadata_ExtensionsJson_AndHostJson()
    {
        var output = Path.Combine(Path.GetTempPath(), "serverless-publish-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
            foreach (var argument in new[] { "publish", "-c", "Release", "functions/Serverless.Functions", "-o", output, "--nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            using var publish = Process.Start(start)!;
            var log = publish.StandardOutput.ReadToEndAsync();
            var errors = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            Assert.True(publish.ExitCode == 0, await log + await errors);

            var functions = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")))
                .EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToHashSet();
            var extensions = await File.ReadAllTextAsync(Path.Combine(output, "extensions.json"));

            Assert.Superset(new HashSet<string?> { "SupportApplicationOrchestrator", "SubmitApplication", "DecideLink", "GetDashboard", "FinishApplicationActivity" }, functions);
            Assert.Contains("DurableTask", extensions, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, "host.json")));
            Assert.True(File.Exists(Path.Combine(output, "Serverless.Functions.dll")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
