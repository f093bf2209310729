using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Applications;

/// <summary>The programmes firms apply to and the choices the application form offers.</summary>
public sealed class IntakeOptions : IValidatableObject
{
    public const string Section = "Intake";

    [Required]
    public string DefaultProgramme { get; set; } = "growth-stage";

    /// <summary>Programme code → receipt number prefix (GS-2026-00017).</summary>
    public Dictionary<string, string> Programmes { get; set; } = new() { ["growth-stage"] = "GS" };

    /// <summary>The Namdong complex's mini-clusters (미니클러스터) a firm may name.</summary>
    public List<string> MiniClusters { get; set; } =
    [
        "친환경나노", "스마트기계부품", "전기전자부품", "바이오헬스", "뿌리산업", "ICT융합", "정밀화학소재",
    ];

    /// <summary>New applications (each a receipt mail) one email address may be sent a day, so the form floods no inbox.</summary>
    [Range(1, 10_000)]
    public int MaxApplicationsPerEmailPerDay { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Programmes.ContainsKey(DefaultProgramme))
        {
            yield return new ValidationResult($"Intake:DefaultProgramme '{DefaultProgramme}' is not one of Intake:Programmes.");
        }

        foreach (var (code, prefix) in Programmes)
        {
            if (string.IsNullOrWhiteSpace(prefix) || !prefix.All(char.IsAsciiLetterUpper))
            {
                yield return new ValidationResult($"Intake:Programmes:{code} must be a receipt prefix of capital letters.");
            }
        }
    }
}
