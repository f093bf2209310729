namespace Serverless.Workflow.Applications;

/// <summary>Dates as the programme sees them: in Korea (UTC+9, no daylight saving since 1988).</summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
    }

    /// <summary>A moment as a person in Korea reads it, e.g. <c>2026-12-06 18:30 (KST)</c>.</summary>
    public static string Format(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " (KST)";

    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}
