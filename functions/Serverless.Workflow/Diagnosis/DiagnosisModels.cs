using System.Text.Json.Serialization;

namespace Serverless.Workflow.Diagnosis;

[JsonConverter(typeof(JsonStringEnumConverter<GrowthStage>))]
public enum GrowthStage
{
    Early,
    Leap,
    Growth,
    Mature,
}

[JsonConverter(typeof(JsonStringEnumConverter<TechnologyPhase>))]
public enum TechnologyPhase
{
    TechnologyDevelopment,
    Productization,
    Commercialization,
}

[JsonConverter(typeof(JsonStringEnumConverter<SupportTrack>))]
public enum SupportTrack
{
    Global,
    Growth,
    Foundation,
}

/// <summary>The six dimensions, in the order of docs/workflow.md's table (which also breaks ties).</summary>
public static class Dimensions
{
    public const string Rnd = "rnd";
    public const string Commercialization = "commercialization";
    public const string Marketing = "marketing";
    public const string People = "people";
    public const string Finance = "finance";
    public const string Management = "management";

    public static IReadOnlyList<string> All { get; } = [Rnd, Commercialization, Marketing, People, Finance, Management];
}

public sealed record DimensionScore(string Dimension, decimal Score, decimal Max, decimal Indicator, int SelfAssessment);

/// <summary>The diagnosis of docs/api.md: what the firm sees, what the plan is made from.</summary>
public sealed record DiagnosisResult(
    int TotalScore,
    string Grade,
    GrowthStage GrowthStage,
    TechnologyPhase TechnologyPhase,
    SupportTrack Track,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses,
    IReadOnlyList<DimensionScore> Dimensions,
    DateTimeOffset DiagnosedAt);
