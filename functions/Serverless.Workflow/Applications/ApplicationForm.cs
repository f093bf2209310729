namespace Serverless.Workflow.Applications;

// A validated application: what the validator makes of an ApplicationRequest. Stored with the application
// (as JSON) and read by the diagnosis; every field is known to satisfy the rules of docs/api.md.

public enum DifficultyCategory
{
    Technology,
    Prototype,
    Production,
    Marketing,
    Export,
    Finance,
    IntellectualProperty,
    Training,
    Management,
}

public enum Certification
{
    Innobiz,
    Mainbiz,
    Venture,
    Iso9001,
    Iso14001,
}

public sealed record ApplicationForm(
    string Programme,
    string Language,
    FirmForm Firm,
    IReadOnlyList<FinancialYear> Financials,
    TechnologyForm Technology,
    SelfAssessment SelfAssessment,
    IReadOnlyList<Difficulty> Difficulties);

public sealed record FirmForm(
    string BusinessRegistrationNumber,
    string Name,
    string Representative,
    DateOnly FoundedOn,
    string IndustryCode,
    int Employees,
    int TechnicalStaff,
    string Email,
    string? Phone,
    string? Address,
    string? MiniCluster);

public sealed record FinancialYear(int Year, long RevenueKrw, long ExportKrw, long RdSpendKrw);

public sealed record TechnologyForm(int Trl, int Patents, bool HasResearchLab, IReadOnlyList<Certification> Certifications);

public sealed record SelfAssessment(int Rnd, int Commercialization, int Marketing, int People, int Finance, int Management);

public sealed record Difficulty(DifficultyCategory Category, string Description);
