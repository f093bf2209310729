using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Serverless.Workflow.Links;

namespace Serverless.Functions;

/// <summary>
/// OpenTelemetry (logs, traces, metrics) exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, and nothing at all when it is not (locally, in tests).
/// Application Insights has local auth off: the exporter signs in as the app's managed identity.
/// </summary>
public static class Telemetry
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[ConnectionSetting]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddProcessor(new RedactSecrets())) // before the exporter sees the spans
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = builder.Configuration[ConnectionSetting];
                options.Credential = new DefaultAzureCredential();
            });
        return builder;
    }

    /// <summary>Takes link tokens and keys out of every span's name and URL tags (the host's own request telemetry has no paths: host.json).</summary>
    public sealed class RedactSecrets : BaseProcessor<Activity>
    {
        static readonly string[] UrlTags = ["url.full", "url.path", "url.query", "http.url", "http.target"];

        public override void OnEnd(Activity data)
        {
            ArgumentNullException.ThrowIfNull(data);
            data.DisplayName = SecretPaths.Redact(data.DisplayName);
            foreach (var tag in UrlTags)
            {
                if (data.GetTagItem(tag) is string value)
                {
                    data.SetTag(tag, SecretPaths.Redact(value));
                }
            }
        }
    }
}
