using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Review;

/// <summary>The rules of a reviewer: name, a valid email, a role, a language, conflicts as valid BRNs.</summary>
public static class ReviewerValidator
{
    public static (ReviewerEntity? Reviewer, ValidationErrors Errors) Validate(ReviewerRequest? request)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("$", "The body must be a JSON object.");
            return (null, errors);
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            errors.Add("name", "Required: 1 to 100 characters, no control characters.");
        }

        var email = request.Email?.Trim();
        if (!EmailAddresses.IsValid(email))
        {
            errors.Add("email", "Must be a valid email address.");
        }

        var role = request.Role is null ? ReviewerRole.Reviewer
            : Enum.GetNames<ReviewerRole>().Contains(request.Role, StringComparer.Ordinal) ? Enum.Parse<ReviewerRole>(request.Role)
            : (ReviewerRole?)null;
        if (role is null)
        {
            errors.Add("role", "Must be Reviewer or Escalation.");
        }

        var language = request.Language ?? "ko";
        if (language is not ("ko" or "en"))
        {
            errors.Add("language", "Must be \"ko\" or \"en\".");
        }

        var conflicts = new List<string>();
        var given = request.ConflictBusinessRegistrationNumbers ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            if (BusinessRegistrationNumber.Normalize(given[i]) is { } brn)
            {
                conflicts.Add(brn);
            }
            else
            {
                errors.Add($"conflictBusinessRegistrationNumbers[{i}]", "Not a valid business registration number.");
            }
        }

        return errors.Any
            ? (null, errors)
            : (new ReviewerEntity
            {
                Name = name!,
                Email = email!,
                Role = role!.Value.ToString(),
                Active = request.Active ?? true,
                Language = language,
                ConflictBusinessRegistrationNumbers = string.Join(",", conflicts.Distinct()),
            }, errors);
    }
}
