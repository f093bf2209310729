using System.Security.Cryptography;
using System.Text;

namespace Serverless.Workflow.Links;

/// <summary>Random 256-bit tokens, written base64url; only their SHA-256 (lowercase hex) is ever stored.</summary>
public static class Tokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>43 base64url characters: anything else cannot be one of ours and is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
