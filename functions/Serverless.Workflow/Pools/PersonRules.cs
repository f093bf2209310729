using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Pools;

/// <summary>What reviewers and experts have in common: a name, a valid email, a language, conflicts as valid BRNs.</summary>
public sealed record PersonFields(string Name, string Email, string Language, string ConflictBusinessRegistrationNumbers);

public static class PersonRules
{
    /// <summary>
    /// More conflicts than anyone declares, and far inside Table storage's 64 KiB per property (500 numbers take
    /// 13 KB as UTF-16): without a bound a long list failed the write (500).
    /// </summary>
    public const int MaxConflicts = 500;

    /// <returns>The checked fields, or null with the errors added at their JSON paths.</returns>
    public static PersonFields? Validate(
        string? name, string? email, string? language, IReadOnlyList<string?>? conflicts, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            errors.Add("name", "Required: 1 to 100 characters, no control characters.");
        }

        email = email?.Trim();
        if (!EmailAddresses.IsValid(email))
        {
            errors.Add("email", "Must be a valid email address.");
        }

        language ??= "ko";
        if (language is not ("ko" or "en"))
        {
            errors.Add("language", "Must be \"ko\" or \"en\".");
        }

        var numbers = new List<string>();
        var given = conflicts ?? [];
        if (given.Count > MaxConflicts)
        {
            errors.Add("conflictBusinessRegistrationNumbers", $"At most {MaxConflicts} numbers.");
            given = [];
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (BusinessRegistrationNumber.Normalize(given[i]) is { } brn)
            {
                numbers.Add(brn);
            }
            else
            {
                errors.Add($"conflictBusinessRegistrationNumbers[{i}]", "Not a valid business registration number.");
            }
        }

        return errors.Count > before ? null : new PersonFields(name!, email!, language, string.Join(",", numbers.Distinct()));
    }

    /// <summary>The stored comma-separated conflict list as the API shows it.</summary>
    public static IReadOnlyList<string> Conflicts(string stored) => stored.Length == 0 ? [] : stored.Split(',');
}
