using Serverless.Workflow.Calls;

namespace Serverless.Workflow.Firms;

/// <summary>
/// What the application form offers and how it checks each field before sending (<c>GET /api/intake/options</c>):
/// the configured choices, their labels, and the validator's bounds, so the page and the server agree; and the
/// document kinds a firm uploads and the diagnosis's words (stage, phase, track), for the firm's page; and each
/// programme's call open now and the next to open, with the server's time, for the page's deadline and countdown.
/// </summary>
public sealed record FormOptions(
    string DefaultProgramme,
    IReadOnlyList<string> Programmes,
    IReadOnlyList<string> MiniClusters,
    IReadOnlyList<Choice> DifficultyCategories,
    IReadOnlyList<Choice> Certifications,
    IReadOnlyList<Choice> SelfAssessment,
    IReadOnlyList<Choice> DocumentKinds,
    IReadOnlyList<Choice> GrowthStages,
    IReadOnlyList<Choice> TechnologyPhases,
    IReadOnlyList<Choice> SupportTracks,
    DateOnly EarliestFounding,
    DateOnly Today,
    IReadOnlyDictionary<string, FieldLimit> Limits,
    IReadOnlyDictionary<string, ProgrammeCalls> Calls,
    DateTimeOffset Now);

/// <summary>One value a field may take, as the request spells it, with its Korean and English labels.</summary>
public sealed record Choice(string Value, string Ko, string En);

/// <summary>
/// A field's bounds, keyed by its JSON path (<c>[]</c> standing for every index): numbers (or, for a list, its length)
/// from <c>min</c> to <c>max</c>, texts (trimmed) from <c>minLength</c> to <c>maxLength</c> characters and matching <c>pattern</c>.
/// </summary>
public sealed record FieldLimit(long? Min = null, long? Max = null, int? MinLength = null, int? MaxLength = null, string? Pattern = null);
