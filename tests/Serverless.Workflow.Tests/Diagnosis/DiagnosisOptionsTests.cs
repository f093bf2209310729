using System.ComponentModel.DataAnnotations;
using Serverless.Workflow.Diagnosis;
using Xunit;

namespace Serverless.Workflow.Tests.Diagnosis;

/// <summary>An inconsistent rubric or plan never reaches a firm: validation refuses it (and so the host's start).</summary>
public sealed class DiagnosisOptionsTests
{
    [Fact]
    public void Defaults_AreConsistent()
    {
        Assert.Empty(Validate(new DiagnosisOptions()));
        Assert.Empty(Validate(new PlanOptions()));
    }

    [Fact]
    public void Maxima_NotSummingTo1000_AreRefused()
    {
        var options = new DiagnosisOptions();
        options.Maxima["rnd"] = 300;

        Assert.Contains(Validate(options), e => e.Contains("sum to 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void Grades_OutOfOrder_AreRefused()
    {
        var options = new DiagnosisOptions();
        options.Grades["A"] = 850;

        Assert.NotEmpty(Validate(options));
    }

    [Fact]
    public void ShareBands_Overlapping_AreRefused()
    {
        var options = new PlanOptions();
        options.ShareBands[2].UpToRevenueKrw = 900_000_000;

        Assert.Contains(Validate(options), e => e.Contains("without overlaps", StringComparison.Ordinal));
    }

    static List<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
