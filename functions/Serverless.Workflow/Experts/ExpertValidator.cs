using Serverless.Workflow.Applications;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Experts;

/// <summary>
/// The rules of an expert: a person's (<see cref="PersonRules"/>), an organisation, a sector, fields that are
/// difficulty categories, years of experience, and room for at least one active assignment.
/// </summary>
public static class ExpertValidator
{
    public static (ExpertEntity? Expert, ValidationErrors Errors) Validate(ExpertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var person = PersonRules.Validate(request.Name, request.Email, request.Language, request.ConflictBusinessRegistrationNumbers, errors);
        var organization = request.Organization?.Trim() ?? "";
        if (organization.Length > 100 || organization.Any(char.IsControl))
        {
            errors.Add("organization", "At most 100 characters, no control characters.");
        }

        var sector = request.Sector is { } given && Enum.GetNames<ExpertSector>().Contains(given, StringComparer.Ordinal) ? given : null;
        if (sector is null)
        {
            errors.Add("sector", $"Must be one of {string.Join(", ", Enum.GetNames<ExpertSector>())}.");
        }

        var fields = request.Fields ?? [];
        if (fields.Count == 0)
        {
            errors.Add("fields", "At least one field.");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (!Enum.GetNames<DifficultyCategory>().Contains(fields[i], StringComparer.Ordinal))
            {
                errors.Add($"fields[{i}]", $"Must be one of {string.Join(", ", Enum.GetNames<DifficultyCategory>())}.");
            }
        }

        if (request.YearsOfExperience is not (>= 0 and <= 70))
        {
            errors.Add("yearsOfExperience", "Required: 0 to 70.");
        }

        if (request.MaxActiveAssignments is not (>= 1 and <= 100))
        {
            errors.Add("maxActiveAssignments", "Required: 1 to 100.");
        }

        return errors.Any
            ? (null, errors)
            : (new ExpertEntity
            {
                Name = person!.Name,
                Email = person.Email,
                Organization = organization,
                Sector = sector!,
                Fields = string.Join(",", fields.Distinct()),
                YearsOfExperience = request.YearsOfExperience!.Value,
                MaxActiveAssignments = request.MaxActiveAssignments!.Value,
                Active = request.Active ?? true,
                Language = person.Language,
                ConflictBusinessRegistrationNumbers = person.ConflictBusinessRegistrationNumbers,
            }, errors);
    }
}
