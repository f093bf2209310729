using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Screening;

/// <summary>Who may be supported (docs/workflow.md, step 1): small and medium firms under these ceilings.</summary>
public sealed class ScreeningOptions
{
    public const string Section = "Screening";

    /// <summary>The latest year's revenue may be at most this.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRevenueKrw { get; set; } = 150_000_000_000;

    /// <summary>Employees must be fewer than this.</summary>
    [Range(1, 1_000_000)]
    public int EmployeesBelow { get; set; } = 300;
}
