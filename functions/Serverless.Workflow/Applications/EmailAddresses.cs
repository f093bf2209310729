using System.Text.RegularExpressions;

namespace Serverless.Workflow.Applications;

/// <summary>What the workflow accepts as an email address: something@domain.tld, at most 254 characters.</summary>
public static partial class EmailAddresses
{
    public static bool IsValid(string? address) => address is { Length: <= 254 } && Pattern().IsMatch(address);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Pattern();
}
