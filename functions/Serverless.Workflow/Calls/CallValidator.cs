using System.Text.Json;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Calls;

/// <summary>
/// The rules of a call (docs/api.md, Calls): a known programme, a title in both languages, a window that opens before
/// it closes and, for a new call, closes in the future; a budget no lower than what the call has already committed
/// and spent; configured mini-clusters. A call that has opened keeps its opening; <c>closeNow</c> closes an open one.
/// Overlapping windows are checked against the stored calls (<see cref="CallStore"/>).
/// </summary>
public static class CallValidator
{
    public const long MaxBudgetKrw = 1_000_000_000_000;

    /// <param name="taken">How many applications the call has taken (0 for a new one).</param>
    public static (CallEntity? Call, ValidationErrors Errors) Validate(CallRequest request, CallEntity? existing, int taken, IntakeOptions intake, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(intake);
        var errors = new ValidationErrors();
        if (request.Programme is not { } programme || !intake.Programmes.ContainsKey(programme))
        {
            errors.Add("programme", $"Must be one of {string.Join(", ", intake.Programmes.Keys)}.");
        }
        else if (existing is not null && programme != existing.Programme)
        {
            errors.Add("programme", "A call stays in its programme.");
        }

        var titleKo = Title(request.Title?.Ko, "title.ko", errors);
        var titleEn = Title(request.Title?.En, "title.en", errors);
        var (opensAt, closesAt) = Window(request, existing, now, errors);

        if (request.BudgetKrw is not (>= 0 and <= MaxBudgetKrw))
        {
            errors.Add("budgetKrw", $"Required: 0 to {MaxBudgetKrw:N0} won.");
        }
        else if (existing is not null && request.BudgetKrw < existing.CommittedKrw + existing.SpentKrw)
        {
            errors.Add("budgetKrw", $"Below what the call has already committed and spent ({existing.CommittedKrw + existing.SpentKrw:N0} won).");
        }

        var miniClusters = request.MiniClusters ?? [];
        for (var i = 0; i < miniClusters.Count; i++)
        {
            if (!intake.MiniClusters.Contains(miniClusters[i], StringComparer.Ordinal) || miniClusters.Take(i).Contains(miniClusters[i], StringComparer.Ordinal))
            {
                errors.Add($"miniClusters[{i}]", $"Must be one of {string.Join(", ", intake.MiniClusters)}, each once.");
            }
        }

        if (request.MaxApplications is { } max && (max is < 1 or > 100_000 || max < taken))
        {
            errors.Add("maxApplications", $"1 to 100,000, and no fewer than the call has taken ({taken}).");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var call = existing ?? new CallEntity { RowKey = ApplicationIds.New(), Programme = request.Programme!, CreatedAt = now };
        call.TitleKo = titleKo;
        call.TitleEn = titleEn;
        call.OpensAt = opensAt;
        call.ClosesAt = closesAt;
        call.ClosedEarly |= request.CloseNow == true;
        call.BudgetKrw = request.BudgetKrw!.Value;
        call.MiniClustersJson = miniClusters.Count == 0 ? null : JsonSerializer.Serialize(miniClusters);
        if (request.MaxApplications is not null && call.MaxApplications is null)
        {
            call.Applications = taken; // from now on the places are counted on the call's row (CallSeats)
        }

        call.MaxApplications = request.MaxApplications;
        call.UpdatedAt = now;
        return (call, errors);
    }

    static string Title(string? given, string path, ValidationErrors errors)
    {
        var title = given?.Trim() ?? "";
        if (title.Length is 0 or > 200 || title.Any(char.IsControl))
        {
            errors.Add(path, "Required: at most 200 characters, no control characters.");
        }

        return title;
    }

    /// <summary>The window the call will have, in UTC.</summary>
    static (DateTimeOffset OpensAt, DateTimeOffset ClosesAt) Window(CallRequest request, CallEntity? existing, DateTimeOffset now, ValidationErrors errors)
    {
        if (request.OpensAt is not { } opens || request.ClosesAt is not { } closes)
        {
            if (request.OpensAt is null)
            {
                errors.Add("opensAt", "Required: when the call opens (ISO 8601 with an offset).");
            }

            if (request.ClosesAt is null)
            {
                errors.Add("closesAt", "Required: when the call closes (ISO 8601 with an offset).");
            }

            return default;
        }

        var opensAt = opens.ToUniversalTime();
        var closesAt = closes.ToUniversalTime();
        var hasOpened = existing is not null && existing.OpensAt <= now;
        var isOpen = hasOpened && now < existing!.ClosesAt;
        if (hasOpened && opensAt != existing!.OpensAt)
        {
            errors.Add("opensAt", "The call has opened: its opening stays as it was.");
        }

        if (request.CloseNow == true)
        {
            if (!isOpen)
            {
                errors.Add("closeNow", "Only an open call can be closed.");
            }

            return (opensAt, now);
        }

        if (existing is not null && existing.ClosesAt <= now && closesAt != existing.ClosesAt)
        {
            errors.Add("closesAt", "The call has closed: its closing stays as it was.");
        }
        else if (closesAt <= opensAt)
        {
            errors.Add("closesAt", "Must be after opensAt.");
        }
        else if (closesAt <= now && (existing is null || closesAt != existing.ClosesAt))
        {
            errors.Add("closesAt", "Must be in the future (closeNow closes an open call now).");
        }

        return (opensAt, closesAt);
    }
}
