using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Diagnosis;

/// <summary>
/// The innovation-capability rubric (docs/workflow.md, Diagnosis). Defaults are the tables there; an inconsistent set
/// (maxima not summing to 1000, thresholds out of order) stops the host at start.
/// </summary>
public sealed class DiagnosisOptions : IValidatableObject
{
    public const string Section = "Diagnosis";

    /// <summary>Points per dimension, in table order: rnd, commercialization, marketing, people, finance, management.</summary>
    public Dictionary<string, int> Maxima { get; set; } = new()
    {
        ["rnd"] = 250, ["commercialization"] = 200, ["marketing"] = 150, ["people"] = 100, ["finance"] = 150, ["management"] = 150,
    };

    /// <summary>R&amp;D spend over revenue that earns the full R&amp;D-intensity indicator.</summary>
    public decimal RdIntensityTarget { get; set; } = 0.05m;

    public decimal PatentsTarget { get; set; } = 3;

    public decimal ExportShareTarget { get; set; } = 0.3m;

    public decimal TechnicalStaffShareTarget { get; set; } = 0.3m;

    /// <summary>Revenue growth at or above which the finance indicator is 1.</summary>
    public decimal GrowthFull { get; set; } = 0.2m;

    /// <summary>Revenue growth at or below which the finance indicator is 0.</summary>
    public decimal GrowthNone { get; set; } = -0.1m;

    public decimal CertificationsTarget { get; set; } = 2;

    /// <summary>Lowest total of each grade, best first; below the last is D.</summary>
    public Dictionary<string, int> Grades { get; set; } = new() { ["AAA"] = 900, ["AA"] = 800, ["A"] = 700, ["B"] = 600, ["C"] = 500 };

    /// <summary>Whole years since founding below which a firm is Early, Leap, Growth; from the last on, Mature.</summary>
    public int LeapFromYears { get; set; } = 3;

    public int GrowthFromYears { get; set; } = 7;

    public int MatureFromYears { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = Dimensions.All;
        if (!Maxima.Keys.Order().SequenceEqual(names.Order()) || Maxima.Values.Any(m => m <= 0))
        {
            yield return new ValidationResult($"Diagnosis:Maxima must give positive points to exactly {string.Join(", ", names)}.");
        }
        else if (Maxima.Values.Sum() != 1000)
        {
            yield return new ValidationResult($"Diagnosis:Maxima must sum to 1000 points, not {Maxima.Values.Sum()}.");
        }

        if (new[] { RdIntensityTarget, PatentsTarget, ExportShareTarget, TechnicalStaffShareTarget, CertificationsTarget }.Any(t => t <= 0))
        {
            yield return new ValidationResult("Diagnosis indicator targets must be positive.");
        }

        if (GrowthNone >= GrowthFull)
        {
            yield return new ValidationResult("Diagnosis:GrowthNone must be below Diagnosis:GrowthFull.");
        }

        var thresholds = Grades.Values.ToList();
        if (thresholds.Count == 0 || !thresholds.Zip(thresholds.Skip(1)).All(p => p.First > p.Second) || thresholds[0] > 1000 || thresholds[^1] < 0)
        {
            yield return new ValidationResult("Diagnosis:Grades must fall strictly from the best grade down, within 0-1000.");
        }

        if (!(0 < LeapFromYears && LeapFromYears < GrowthFromYears && GrowthFromYears < MatureFromYears))
        {
            yield return new ValidationResult("Diagnosis growth-stage years must rise: 0 < LeapFromYears < GrowthFromYears < MatureFromYears.");
        }
    }
}
