using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serverless.Testing;
using Xunit;

namespace Serverless.Functions.Tests;

/// <summary>
/// The Functions app's telemetry switch (<c>Serverless.Functions.Telemetry</c>), called on a host builder: OpenTelemetry
/// is registered only when the Application Insights connection string is set. The Functions assembly is loaded from
/// its own output folder, with its own dependencies (this project does not reference it).
/// </summary>
public sealed class TelemetryTests
{
    static readonly Lazy<MethodInfo> AddTelemetry = new(() =>
    {
        var path = Path.Combine(RepoPaths.FunctionsOutput, "Serverless.Functions.dll");
        var context = new FunctionsLoadContext(path);
        return context.LoadFromAssemblyPath(path).GetType("Serverless.Functions.Telemetry", throwOnError: true)!.GetMethod("AddTelemetry")!;
    });

    [Fact]
    public void WithoutAConnectionString_NothingIsRegistered()
    {
        Assert.Empty(OpenTelemetryServices(new Dictionary<string, string?>()));
    }

    [Fact]
    public void WithAConnectionString_OpenTelemetryIsRegistered()
    {
        var services = OpenTelemetryServices(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://koreacentral-0.in.applicationinsights.azure.com/",
        });

        Assert.Contains(services, s => s.Contains("TracerProvider", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Contains("MeterProvider", StringComparison.Ordinal));
    }

    static IReadOnlyList<string> OpenTelemetryServices(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        var before = builder.Services.Count;
        AddTelemetry.Value.Invoke(null, [builder]);
        return [.. builder.Services.Skip(before).Select(s => s.ServiceType.FullName ?? "").Where(n => n.Contains("OpenTelemetry", StringComparison.Ordinal))];
    }

    /// <summary>Resolves the Functions app's own dependencies from its folder; everything the test already has is shared.</summary>
    sealed class FunctionsLoadContext(string mainAssembly) : AssemblyLoadContext
    {
        readonly AssemblyDependencyResolver resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), assemblyName)))
            {
                return null;
            }

            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
                return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
            }
        }
    }
}
