using Serverless.LocalHost;

// The local host: the whole workflow on one machine, over Azurite, with the real Durable Task engine.
try
{
    await using var host = await LocalHostApp.StartAsync(args);
    await host.App.WaitForShutdownAsync();
    return 0;
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync($"Serverless.LocalHost cannot start: {e.Message}");
    return 1;
}
catch (Exception e) when (LocalHostApp.StartupCause(e) is { } cause)
{
    await Console.Error.WriteLineAsync($"Serverless.LocalHost cannot start: {cause}");
    return 1;
}
