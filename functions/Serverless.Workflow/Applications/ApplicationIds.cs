namespace Serverless.Workflow.Applications;

/// <summary>Application ids are 32 lowercase hex digits; anything else is not looked up at all.</summary>
public static class ApplicationIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
