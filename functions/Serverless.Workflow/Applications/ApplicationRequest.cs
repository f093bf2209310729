namespace Serverless.Workflow.Applications;

// The body of POST and PUT /api/applications (docs/api.md, Firms). Nullable everywhere: the validator, not the
// deserializer, says what is missing, so every problem is reported at its JSON path.

public sealed record ApplicationRequest(
    string? Programme,
    string? Language,
    FirmRequest? Firm,
    IReadOnlyList<FinancialYearRequest?>? Financials,
    TechnologyRequest? Technology,
    SelfAssessmentRequest? SelfAssessment,
    IReadOnlyList<DifficultyRequest?>? Difficulties);

public sealed record FirmRequest(
    string? BusinessRegistrationNumber,
    string? Name,
    string? Representative,
    DateOnly? FoundedOn,
    string? IndustryCode,
    int? Employees,
    int? TechnicalStaff,
    string? Email,
    string? Phone,
    string? Address,
    string? MiniCluster);

public sealed record FinancialYearRequest(int? Year, long? RevenueKrw, long? ExportKrw, long? RdSpendKrw);

public sealed record TechnologyRequest(int? Trl, int? Patents, bool? HasResearchLab, IReadOnlyList<string?>? Certifications);

public sealed record SelfAssessmentRequest(int? Rnd, int? Commercialization, int? Marketing, int? People, int? Finance, int? Management);

public sealed record DifficultyRequest(string? Category, string? Description);
