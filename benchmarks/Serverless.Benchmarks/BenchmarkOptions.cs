using System.Globalization;

namespace Serverless.Benchmarks;

/// <summary>
/// The run's sizes: <c>--applications N</c> (the end-to-end and ceiling size), <c>--quick</c> (a smoke size),
/// <c>--no-growth</c> (end to end at N only, not also at 50, 200 and 800: the growth series takes the better part of an
/// hour on two cores).
/// </summary>
internal sealed record BenchmarkOptions(int Applications, bool Quick, bool Growth)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        var applications = 200;
        var quick = false;
        var growth = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--no-growth":
                    growth = false;
                    break;
                case "--applications" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    applications = n;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return new BenchmarkOptions(quick && !args.Contains("--applications") ? 8 : applications, quick, growth && !quick);
    }

    /// <summary>The end-to-end sizes: the growth series and the main size, or the main size alone.</summary>
    public IReadOnlyList<int> GrowthSizes => Growth ? [.. new[] { 50, 200, 800, Applications }.Distinct().Order()] : [Applications];

    public IReadOnlyList<int> AdminSizes => Quick ? [1000] : [1000, 10_000];

    public int AdminRepeats => Quick ? 3 : 20;

    public TimeSpan OpenLoopDuration => TimeSpan.FromSeconds(Quick ? 3 : 30);

    public TimeSpan StorageCeilingDuration => TimeSpan.FromSeconds(Quick ? 2 : 10);

    public int ClosedLoopSubmissions(int clients) => Quick ? clients * 2 : Math.Max(200, clients * 10);

    /// <summary>How long a run of <paramref name="applications"/> may take before it is cut off and reported as it is.</summary>
    public static TimeSpan Timeout(int applications) => TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(applications * 2);

    public string Describe() => Quick ? $"--quick (N={Applications})" : $"--applications {Applications}{(Growth ? "" : " --no-growth")}";
}
