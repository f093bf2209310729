namespace Serverless.Workflow.Applications;

/// <summary>Problems found in a request, each at its JSON path (docs/api.md: <c>errors</c> of a validation problem).</summary>
public sealed class ValidationErrors
{
    readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    /// <summary>How many fields have errors.</summary>
    public int Count => errors.Count;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            errors[path] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>A System.Text.Json path (<c>$.financials[1].year</c>) as docs/api.md writes it (<c>financials[1].year</c>).</summary>
    public static string PathOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.TrimStart('$').TrimStart('.');
}
