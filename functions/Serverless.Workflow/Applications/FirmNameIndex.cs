using System.Globalization;

namespace Serverless.Workflow.Applications;

/// <summary>
/// The firm-name search's own index (docs/architecture.md, ApplicationIndex): for every pair of adjacent letters of a
/// firm's name (spaces dropped, case folded), a row in a <c>name:</c> partition of its own under the application's row
/// key. A name that holds what was typed has a row in the partition of each of its letter pairs; a search reads the
/// smallest of those partitions it can find (<c>ApplicationQuery</c>) and keeps the rows whose name holds all of it,
/// so its cost grows with the firms that share the text's rarest pair, not with the index. The rows are
/// written at intake and when a firm renames itself in a round of changes, never on a status move: they carry the
/// name, and the list takes everything else from the <c>all</c> row of the same key.
/// </summary>
public static class FirmNameIndex
{
    /// <summary>The partitions the name's rows go in.</summary>
    public static IReadOnlySet<string> Partitions(string firmName) => SearchPartitions(firmName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The partitions a name holding <paramref name="text"/> has rows in: one per letter pair of the text, in its order.</summary>
    public static IReadOnlyList<string> SearchPartitions(string text)
    {
        var folded = Fold(text);
        return [.. Enumerable.Range(0, Math.Max(0, folded.Length - 1)).Select(i => Partition(folded[i..(i + 2)])).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether the name holds the text, as the index sees both: spaces dropped, case folded.</summary>
    public static bool Holds(string firmName, string text) => Fold(firmName).Contains(Fold(text), StringComparison.Ordinal);

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
