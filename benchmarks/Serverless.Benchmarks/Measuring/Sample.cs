namespace Serverless.Benchmarks.Measuring;

/// <summary>Durations measured for one thing, in milliseconds, and their percentiles (nearest rank).</summary>
internal sealed class Sample
{
    readonly List<double> values = [];

    public int Count
    {
        get
        {
            lock (values)
            {
                return values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (values)
        {
            values.Add(milliseconds);
        }
    }

    public void Add(TimeSpan duration) => Add(duration.TotalMilliseconds);

    public double Percentile(double percent)
    {
        lock (values)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToList();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }
}
