using System.Text.RegularExpressions;

namespace Serverless.Workflow.Applications;

/// <summary>
/// What the workflow accepts as an email address, at most 254 characters: a dot-atom local part of RFC 5322's
/// characters (no quoted forms, no angle brackets or spaces that could end up in a header or a page) at a domain of
/// letter-digit-hyphen labels with a top-level domain of letters.
/// </summary>
public static partial class EmailAddresses
{
    public static bool IsValid(string? address) => address is { Length: <= 254 } && Pattern().IsMatch(address);

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
