namespace Serverless.Workflow.Applications;

/// <summary>
/// The Korean business registration number (사업자등록번호): ten digits written XXX-XX-XXXXX, the last one a check
/// digit: the first nine weighted 1,3,7,1,3,7,1,3,5, plus the tens of the ninth's product, summed; the check digit is
/// (10 - sum mod 10) mod 10.
/// </summary>
public static class BusinessRegistrationNumber
{
    static readonly int[] Weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>The number as XXX-XX-XXXXX when it has ten digits (hyphens optional) and a valid check digit.</summary>
    public static string? Normalize(string? input)
    {
        var digits = Digits(input);
        return digits is not null && HasValidCheckDigit(digits)
            ? $"{digits[..3]}-{digits[3..5]}-{digits[5..]}"
            : null;
    }

    /// <summary>Ten digits, with the hyphens of XXX-XX-XXXXX allowed (all or none), else null.</summary>
    public static string? Digits(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var plain = input.Length == 12 && input[3] == '-' && input[6] == '-' ? input.Replace("-", "", StringComparison.Ordinal) : input;
        return plain.Length == 10 && plain.All(char.IsAsciiDigit) ? plain : null;
    }

    /// <summary>S = Σ dᵢ·wᵢ + ⌊d₉·5 / 10⌋; check = (10 − S mod 10) mod 10. The outer mod keeps check digit 0 valid.</summary>
    public static bool HasValidCheckDigit(string tenDigits)
    {
        ArgumentNullException.ThrowIfNull(tenDigits);
        var d = tenDigits.Select(c => c - '0').ToArray();
        var sum = Weights.Select((w, i) => d[i] * w).Sum() + d[8] * 5 / 10;
        return (10 - sum % 10) % 10 == d[9];
    }
}
