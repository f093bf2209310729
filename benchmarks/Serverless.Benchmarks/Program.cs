using System.Globalization;
using Serverless.Benchmarks;
using Serverless.Benchmarks.Admin;
using Serverless.Benchmarks.EndToEnd;
using Serverless.Benchmarks.EngineCeiling;
using Serverless.Benchmarks.Hosting;
using Serverless.Benchmarks.Intake;
using Serverless.Benchmarks.Measuring;
using Serverless.Testing;

// How fast the system carries applications against the engine's and the storage's own ceilings, on this machine, in
// one run (README, Benchmark). Usage: dotnet run -c Release --project benchmarks/Serverless.Benchmarks -- [--applications N] [--quick] [--no-growth]
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Serverless.Benchmarks [--applications N] [--quick] [--no-growth]");
    return 2;
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var results = new Results();
Console.WriteLine($"Benchmark on {Environment.ProcessorCount} cores, {options.Describe()}");

// End to end and growth: each size on a fresh host, the benchmark acting as every person through the mailed links.
EndToEndResult? main = null;
string? shapeFrom = null;
var ceiling = 0.0;
foreach (var size in options.GrowthSizes)
{
    await using var host = await BenchmarkHost.StartAsync(demoPool: true);
    results.Add("growth", $"N={size}: host working set at idle", host.WorkingSetMiB(), "MiB");
    var run = await new EndToEndRun(host).RunAsync(size, BenchmarkOptions.Timeout(size));
    results.Add("growth", $"N={size}: end to end", run.PerSecond, "applications/s");
    results.Add("growth", $"N={size}: completed", run.Completed, "applications");
    results.Add("growth", $"N={size}: answers other than the person expected", run.Refused.Values.Sum(), "requests");
    foreach (var (action, count) in run.Refused)
    {
        Console.WriteLine($"  answered: {action} ×{count}"); // accept 409: the expert filled up meanwhile; the task moves on
    }

    results.Add("growth", $"N={size}: host working set at the end", host.WorkingSetMiB(), "MiB");
    if (size == options.Applications)
    {
        main = run;
        foreach (var (stage, sample) in run.Stages)
        {
            results.Add("end-to-end", stage, sample);
        }

        shapeFrom = run.ShapeFrom;
        if (shapeFrom is not null)
        {
            var shape = await ApplicationShape.ReadAsync(host, shapeFrom);
            Console.WriteLine($"  shape of {shapeFrom}: {ApplicationShape.Describe(shape)}");
            var (finished, elapsed) = await new EngineCeilingRun(shape).RunAsync(size, BenchmarkOptions.Timeout(size));
            ceiling = finished / elapsed.TotalSeconds;
            results.Add("ceiling", $"N={size}: engine, no-op applications of that shape", ceiling, "applications/s");
            results.Add("ceiling", $"N={size}: finished", finished, "applications");
        }
    }
}

// Intake: an offered load, then busy clients, against the storage's own ceiling on the same Azurite.
await using (var host = await BenchmarkHost.StartAsync(demoPool: false))
{
    var writes = await StorageCeiling.WritesPerSecondAsync(host.Azurite.ConnectionString, 16, options.StorageCeilingDuration);
    results.Add("intake", "storage ceiling: single-entity writes, 16 writers", writes, "writes/s");
    var intake = new IntakeRun(host);
    var sixteen = 0.0;
    var (open, openRefused) = await intake.OpenLoopAsync(10, options.OpenLoopDuration);
    results.Add("intake", "open loop, 10 submissions/s offered", open, p99: true);
    results.Add("intake", "open loop: not 202", openRefused, "submissions");
    foreach (var clients in new[] { 1, 16, 64 })
    {
        var (latency, perSecond, refused) = await intake.ClosedLoopAsync(clients, options.ClosedLoopSubmissions(clients));
        results.Add("intake", $"closed loop, {clients} clients", latency, p99: true);
        results.Add("intake", $"closed loop, {clients} clients: throughput", perSecond, "submissions/s");
        results.Add("intake", $"closed loop, {clients} clients: not 202", refused, "submissions");
        if (clients == 16)
        {
            sixteen = perSecond;
        }
    }

    // The business storage carries the submission; the engine's three requests go to an Azurite of its own.
    var (business, engine) = intake.RequestsPerSubmission;
    results.Add("intake", "storage requests per submission: business storage", business, "requests");
    results.Add("intake", "storage requests per submission: engine storage", engine, "requests");
    results.Add("intake", "storage ceiling per submission (writes/s ÷ business requests)", writes / business, "submissions/s");
    results.Add("intake", "closed loop, 16 clients ÷ storage ceiling per submission", sixteen / (writes / business), "×");
}

// Admin: the dashboard's queries over a seeded index, at each size.
await using (var host = await BenchmarkHost.StartAsync(demoPool: false))
{
    var admin = new AdminRun(host, options.AdminRepeats);
    foreach (var size in options.AdminSizes)
    {
        results.Add("admin", $"seeded to {size}", (await admin.SeedToAsync(size)).TotalSeconds, "s");
        await admin.MeasureAsync(results, $"admin {size}");
    }
}

results.PrintTable();
var e2e = main?.PerSecond ?? 0;
var path = Path.Combine(RepoPaths.Root, "artifacts", "benchmarks", options.Quick ? "quick.json" : "results.json");
await results.SaveAsync(path, new { at = DateTimeOffset.UtcNow, cores = Environment.ProcessorCount, options = options.Describe(), shapeFrom });
Console.WriteLine($"results: {path}");
Console.WriteLine($"e2e={e2e:0.00}/s ceiling={ceiling:0.00}/s ratio={(ceiling > 0 ? e2e / ceiling : 0):0.00}");
return 0;
