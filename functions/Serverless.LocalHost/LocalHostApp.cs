using Microsoft.Extensions.Options;
using Serverless.LocalHost.Azurite;
using Serverless.LocalHost.Demo;
using Serverless.LocalHost.DevMailbox;
using Serverless.LocalHost.Durable;
using Serverless.Workflow;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;

namespace Serverless.LocalHost;

/// <summary>
/// Builds and starts the local host: Azurite (unless storage is configured), the durable engine, the workflow, and
/// the same HTTP routes as the Functions app. Disposing stops them in reverse order.
/// </summary>
public sealed class LocalHostApp : IAsyncDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Azurite and the engine, stopped in the reverse order of their start.</summary>
    readonly Stack<IAsyncDisposable> parts;

    LocalHostApp(WebApplication app, Stack<IAsyncDisposable> parts)
    {
        App = app;
        this.parts = parts;
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
        var generatedKey = string.IsNullOrWhiteSpace(local.AdminKey);
        local.AdminKey = generatedKey ? Tokens.New() : local.AdminKey;
        builder.Services.AddSingleton(Options.Create(local));

        var parts = new Stack<IAsyncDisposable>();
        try
        {
            var storage = builder.Configuration["Storage:ConnectionString"];
            var engineStorage = builder.Configuration["Durable:ConnectionString"];
            if (string.IsNullOrWhiteSpace(storage))
            {
                var business = await AzuriteProcess.StartAsync(local.Azurite, cancellationToken);
                parts.Push(business);
                storage = business.ConnectionString;
                builder.Configuration["Storage:ConnectionString"] = storage;
                if (string.IsNullOrWhiteSpace(engineStorage))
                {
                    // The engine gets an Azurite of its own, as it gets a storage account of its own in Azure: each
                    // Azurite runs on one core, and the engine's queues and history are the busiest storage there is.
                    var engineAzurite = await AzuriteProcess.StartAsync(local.Azurite.ForEngine(), cancellationToken);
                    parts.Push(engineAzurite);
                    engineStorage = engineAzurite.ConnectionString;
                }
            }

            engineStorage = string.IsNullOrWhiteSpace(engineStorage) ? storage : engineStorage;
            builder.Configuration["Durable:ConnectionString"] = engineStorage; // the admin detail reads the engine's history there
            var engine = await builder.AddDurableEngineAsync(engineStorage, cancellationToken);
            parts.Push(engine);
            builder.AddWorkflow();
            builder.Services.AddDevMailbox();
            builder.Services.AddSingleton<DemoApplications>();
            builder.Services.AddHostedService<DemoData>();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<StorageOutageHandler>();
            builder.Services.AddAnonymousWriteLimit();

            var app = builder.Build();

            // Storage away for a moment answers 503 with Retry-After; any other fault (a bug) 500; both as problem
            // details, never with a stack trace.
            app.Use((context, next) =>
            {
                SecurityHeaders.Register(context);
                return next(context);
            });
            app.UseStorageRequestReport();
            app.UseExceptionHandler();
            app.UseRateLimiter();
            app.UseAdminKey();
            app.MapLocalHostRoutes();
            app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, generatedKey ? local.AdminKey! : "(as configured: LocalHost:AdminKey)"));
            await app.StartAsync(cancellationToken);
            return new LocalHostApp(app, parts);
        }
        catch
        {
            await StopAsync(parts);
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

    /// <summary>A generated admin key is shown once, to the person who started the host; a configured one never.</summary>
    static void PrintBanner(WebApplication app, string adminKey)
    {
        var url = app.Urls.First();
        Console.WriteLine($"""

            Namdong growth-stage support: local host is running.
              API        {url}/api/health   (OpenAPI: {url}/api/openapi.json)
              Apply      {url}/apply
              Dashboard  {url}/admin
              Mailbox    {url}/dev/mailbox
              Admin key  {adminKey}
            Press Ctrl+C to stop.

            """);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await StopAsync(parts);
    }

    static async Task StopAsync(Stack<IAsyncDisposable> parts)
    {
        while (parts.TryPop(out var part))
        {
            await part.DisposeAsync();
        }
    }
}
