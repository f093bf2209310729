using Serverless.Workflow.Applications;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Review;

/// <summary>The rules of a reviewer: a person's (<see cref="PersonRules"/>) and a role.</summary>
public static class ReviewerValidator
{
    public static (ReviewerEntity? Reviewer, ValidationErrors Errors) Validate(ReviewerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var person = PersonRules.Validate(request.Name, request.Email, request.Language, request.ConflictBusinessRegistrationNumbers, errors);
        var role = request.Role is null ? ReviewerRole.Reviewer
            : Enum.GetNames<ReviewerRole>().Contains(request.Role, StringComparer.Ordinal) ? Enum.Parse<ReviewerRole>(request.Role)
            : (ReviewerRole?)null;
        if (role is null)
        {
            errors.Add("role", "Must be Reviewer or Escalation.");
        }

        return person is null || role is null
            ? (null, errors)
            : (new ReviewerEntity
            {
                Name = person.Name,
                Email = person.Email,
                Role = role.Value.ToString(),
                Active = request.Active ?? true,
                Language = person.Language,
                ConflictBusinessRegistrationNumbers = person.ConflictBusinessRegistrationNumbers,
            }, errors);
    }
}
