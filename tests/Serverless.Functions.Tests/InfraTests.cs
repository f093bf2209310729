using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Testing;
using Serverless.Workflow.Email;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Screening;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Functions.Tests;

/// <summary>
/// What can be proven offline about the Azure deployment: the Bicep builds and lints clean with the Bicep CLI from
/// NuGet, every setting the app binds is in the sample settings and in the Bicep, and the storage clients work from
/// service URIs with a managed identity as well as from a connection string.
/// </summary>
public sealed class InfraTests
{
    static readonly string Infra = Path.Combine(RepoPaths.Root, "infra");

    static readonly string Bicep = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep");

    [Theory]
    [InlineData("build")]
    [InlineData("lint")]
    public async Task MainBicep_BuildsAndLints_WithoutAnyWarning(string command)
    {
        var (exitCode, output) = await RunBicepAsync(command == "build" ? [command, Path.Combine(Infra, "main.bicep"), "--stdout"] : [command, Path.Combine(Infra, "main.bicep")]);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Warning", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", output, StringComparison.Ordinal);
    }

    /// <summary>Every scalar setting of the options the Functions app binds, as an app setting name (Section__Key).</summary>
    public static TheoryData<string> BoundSettings()
    {
        var settings = new TheoryData<string>();
        foreach (var (type, section) in new[] { (typeof(EmailOptions), EmailOptions.Section), (typeof(WorkflowOptions), WorkflowOptions.Section), (typeof(ScreeningOptions), ScreeningOptions.Section) })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                // SendGridHost exists for the local capture endpoint only; in Azure the client talks to SendGrid itself.
                if (property.Name != nameof(EmailOptions.SendGridHost))
                {
                    settings.Add($"{section}__{property.Name}{(property.PropertyType == typeof(List<string>) ? "__0" : "")}");
                }
            }
        }

        settings.Add("Storage__TablePrefix");
        settings.Add("TASKHUB_NAME");
        return settings;
    }

    [Theory]
    [MemberData(nameof(BoundSettings))]
    public void EverySettingTheAppBinds_IsInTheSampleSettings_AndInTheBicep(string setting)
    {
        var sample = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json"))).GetProperty("Values");
        var bicep = string.Join("\n", Directory.GetFiles(Infra, "*.bicep", SearchOption.AllDirectories).Select(File.ReadAllText));

        Assert.True(sample.TryGetProperty(setting, out _), $"{setting} is missing from local.settings.sample.json");

        // Workflow__{Timer} settings are made from the workflowTimers parameter's keys; the rest are written out.
        var inBicep = setting.StartsWith("Workflow__", StringComparison.Ordinal)
            ? bicep.Contains($"  {setting["Workflow__".Length..]}: '", StringComparison.Ordinal) && bicep.Contains("'Workflow__${t.key}'", StringComparison.Ordinal)
            : setting.StartsWith("Email__AdminAddresses__", StringComparison.Ordinal)
                ? bicep.Contains("'Email__AdminAddresses__${i}'", StringComparison.Ordinal)
                : bicep.Contains(setting, StringComparison.Ordinal);
        Assert.True(inBicep, $"{setting} is missing from the Function App settings in infra/");
    }

    [Fact]
    public void StorageClients_FromServiceUrisWithAManagedIdentity_AndFromAConnectionString()
    {
        var identity = Storage(new Dictionary<string, string?>
        {
            ["Storage:TableServiceUri"] = "https://namdonggs.table.core.windows.net/",
            ["Storage:BlobServiceUri"] = "https://namdonggs.blob.core.windows.net/",
        });
        var local = Storage(new Dictionary<string, string?> { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.Equal("namdonggs", identity.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal(new Uri("https://namdonggs.blob.core.windows.net/"), identity.GetRequiredService<BlobServiceClient>().Uri);
        Assert.Equal("devstoreaccount1", local.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", local.GetRequiredService<BlobServiceClient>().AccountName);
        Assert.Equal("https://namdonggs.table.core.windows.net/Applications", identity.GetRequiredService<WorkflowStorage>().Applications.Uri.ToString().TrimEnd('/'));
    }

    static ServiceProvider Storage(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>The CLI's exit code and its diagnostics (stderr; for lint also stdout, where it writes them).</summary>
    static async Task<(int ExitCode, string Output)> RunBicepAsync(string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors + (arguments[0] == "build" ? "" : await output));
    }
}
