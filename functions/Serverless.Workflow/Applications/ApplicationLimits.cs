namespace Serverless.Workflow.Applications;

/// <summary>
/// The bounds <see cref="ApplicationValidator"/> applies, named once: the apply page is told the same ones
/// (<c>GET /api/intake/options</c>), so what it checks before sending is what the server checks.
/// </summary>
public static class ApplicationLimits
{
    public const int NameLength = 100;
    public const int RepresentativeLength = 50;
    public const int EarliestYear = 1900;

    /// <summary>A KSIC section letter (A-U) and a 2-digit division, e.g. C29; written so .NET and JavaScript read it alike.</summary>
    public const string IndustryCodePattern = "^[A-U][0-9]{2}$";

    public const int IndustryCodeLength = 3;
    public const int MinEmployees = 1;
    public const int MaxEmployees = 100_000;
    public const int MinEmailLength = 3;
    public const int MaxEmailLength = 254;
    public const int PhoneLength = 30;

    /// <summary>Digits, spaces, hyphens, parentheses and a leading +; written so .NET and JavaScript read it alike.</summary>
    public const string PhonePattern = @"^\+?[0-9][0-9 ()\-]{5,28}$";

    public const int AddressLength = 200;
    public const int MiniClusterLength = 50;
    public const int MinFinancialYears = 1;
    public const int MaxFinancialYears = 5;
    public const int MinTrl = 1;
    public const int MaxTrl = 9;
    public const int MaxPatents = 10_000;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MinDifficulties = 1;
    public const int MaxDifficulties = 10;
    public const int DescriptionLength = 1000;

    public static readonly DateOnly EarliestFounding = new(EarliestYear, 1, 1);
}
