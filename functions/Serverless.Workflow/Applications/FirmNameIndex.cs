using System.Globalization;

namespace Serverless.Workflow.Applications;

/// <summary>
/// The firm-name search's own index (docs/architecture.md, ApplicationIndex): for every pair of adjacent letters of a
/// firm's name (spaces dropped, case folded), a row in a <c>name:</c> partition of its own under the application's row
/// key. A search reads the partition of the first letter pair of what was typed and keeps the rows whose name holds all
/// of it, so its cost grows with the firms that share that pair, not with the index. The rows are
/// written at intake and when a firm renames itself in a round of changes, never on a status move: they carry the
/// name, and the list takes everything else from the <c>all</c> row of the same key.
/// </summary>
public static class FirmNameIndex
{
    /// <summary>The partitions the name's rows go in.</summary>
    public static IReadOnlySet<string> Partitions(string firmName)
    {
        var folded = Fold(firmName);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            grams.Add(Partition(folded[i..(i + 2)]));
        }

        return grams;
    }

    /// <summary>The partition a search for <paramref name="text"/> reads: its first letter pair.</summary>
    public static string SearchPartition(string text) => Partition(Fold(text)[..2]);

    /// <summary>
    /// Whether a name search can look <paramref name="text"/> up: two letters at least, spaces aside (one letter would
    /// match nearly every firm, and has no pair to look up).
    /// </summary>
    public static bool CanSearch(string text) => Fold(text).Length >= 2;

    static string Fold(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    /// <summary>
    /// The letters as hexadecimal UTF-16 code units: a name may hold characters a partition key may not (<c>/</c>,
    /// <c>#</c>, <c>?</c>, <c>\</c>), and Hangul stays one code unit a letter.
    /// </summary>
    static string Partition(string gram) =>
        "name:" + string.Concat(gram.Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture)));
}
