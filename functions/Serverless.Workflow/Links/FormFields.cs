using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Links;

/// <summary>The text fields of link forms, checked the same way for every purpose.</summary>
public static class FormFields
{
    public const int MaxTextLength = 4000;

    /// <summary>The trimmed field, or null when empty; an error at its name when required and empty, too long, or with control characters.</summary>
    public static string? Text(IFormCollection form, string name, bool required, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var value = form[name].ToString().Trim();
        if (value.Length == 0 && required)
        {
            errors.Add(name, "Required.");
        }
        else if (value.Length > MaxTextLength || value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            errors.Add(name, $"At most {MaxTextLength} characters, no control characters.");
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>The field when it is one of <paramref name="allowed"/>; an error at its name otherwise.</summary>
    public static string? OneOf(IFormCollection form, string name, IReadOnlyList<string> allowed, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(errors);
        var value = form[name].ToString();
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        errors.Add(name, $"Choose {string.Join(", ", allowed)}.");
        return null;
    }
}
