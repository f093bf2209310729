using Microsoft.Extensions.Options;
using Serverless.LocalHost.Azurite;
using Serverless.LocalHost.DevMailbox;
using Serverless.LocalHost.Durable;
using Serverless.Workflow;
using Serverless.Workflow.Links;

namespace Serverless.LocalHost;

/// <summary>
/// Builds and starts the local host: Azurite (unless storage is configured), the durable engine, the workflow, and
/// the same HTTP routes as the Functions app. Disposing stops them in reverse order.
/// </summary>
public sealed class LocalHostApp : IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    readonly AzuriteProcess? azurite;
    readonly DurableEngine engine;

    LocalHostApp(WebApplication app, DurableEngine engine, AzuriteProcess? azurite)
    {
        App = app;
        this.engine = engine;
        this.azurite = azurite;
    }

    public WebApplication App { get; }

    public static async Task<LocalHostApp> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        // Settings files sit beside the binary, wherever the host is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        UseOwnMailbox(builder.Configuration, (builder.Configuration["urls"] ?? DefaultUrl).Split(';')[0].TrimEnd('/'));

        var local = builder.Configuration.BindValidated<LocalHostOptions>(LocalHostOptions.Section);
        builder.Configuration.BindValidated<AzuriteOptions>($"{LocalHostOptions.Section}:Azurite");
        local.AdminKey = string.IsNullOrWhiteSpace(local.AdminKey) ? Tokens.New() : local.AdminKey;
        builder.Services.AddSingleton(Options.Create(local));

        AzuriteProcess? azurite = null;
        DurableEngine? engine = null;
        try
        {
            var connectionString = builder.Configuration["Storage:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                azurite = await AzuriteProcess.StartAsync(local.Azurite, cancellationToken);
                connectionString = azurite.ConnectionString;
                builder.Configuration["Storage:ConnectionString"] = connectionString;
            }

            engine = await builder.AddDurableEngineAsync(connectionString, cancellationToken);
            builder.AddWorkflow();
            builder.Services.AddDevMailbox();

            var app = builder.Build();
            app.MapLocalHostRoutes();
            app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, local));
            await app.StartAsync(cancellationToken);
            return new LocalHostApp(app, engine, azurite);
        }
        catch
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Unless configured otherwise, mail goes to this host's SendGrid-compatible endpoint and links point here.</summary>
    static void UseOwnMailbox(ConfigurationManager configuration, string url)
    {
        var defaults = new Dictionary<string, string>
        {
            ["Email:PublicBaseUrl"] = url,
            ["Email:SendGridHost"] = $"{url}/dev/sendgrid",
            ["Email:SendGridApiKey"] = "local-mailbox",
        };
        foreach (var (key, value) in defaults.Where(d => string.IsNullOrEmpty(configuration[d.Key])))
        {
            configuration[key] = value;
        }
    }

    /// <summary>One line for a failure to start that is the user's to fix (a taken port, a bad setting).</summary>
    public static string? StartupCause(Exception e) => e switch
    {
        OptionsValidationException v => string.Join(" ", v.Failures),
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } io => io.Message,
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => m,
        _ => null,
    };

    static void PrintBanner(WebApplication app, LocalHostOptions local)
    {
        var url = app.Urls.First();
        Console.WriteLine($"""

            Namdong growth-stage support: local host is running.
              API        {url}/api/health   (OpenAPI: {url}/api/openapi.json)
              Dashboard  {url}/admin
              Mailbox    {url}/dev/mailbox
              Admin key  {local.AdminKey}
            Press Ctrl+C to stop.

            """);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await engine.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
