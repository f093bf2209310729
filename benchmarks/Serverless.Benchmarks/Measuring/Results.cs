using System.Globalization;
using System.Text.Json;

namespace Serverless.Benchmarks.Measuring;

/// <summary>One measured figure: what was measured, its value and unit.</summary>
internal sealed record Figure(string Section, string Name, double Value, string Unit);

/// <summary>Every figure of a run, printed as a table and kept as JSON under artifacts/.</summary>
internal sealed class Results
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    readonly List<Figure> figures = [];

    public IReadOnlyList<Figure> Figures => figures;

    public void Add(string section, string name, double value, string unit)
    {
        figures.Add(new Figure(section, name, value, unit));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {section,-12} {name,-58} {value,12:0.###} {unit}"));
    }

    /// <summary>p50 and p95 (and p99 when asked) of a sample, as figures of their own.</summary>
    public void Add(string section, string name, Sample sample, bool p99 = false)
    {
        Add(section, $"{name} p50", sample.Percentile(50), "ms");
        Add(section, $"{name} p95", sample.Percentile(95), "ms");
        if (p99)
        {
            Add(section, $"{name} p99", sample.Percentile(99), "ms");
        }
    }

    public void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine($"{"section",-12} {"figure",-58} {"value",12} unit");
        Console.WriteLine(new string('-', 90));
        foreach (var figure in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Section,-12} {figure.Name,-58} {figure.Value,12:0.###} {figure.Unit}"));
        }
    }

    public async Task SaveAsync(string path, object run)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new { run, figures }, Indented);
    }
}
