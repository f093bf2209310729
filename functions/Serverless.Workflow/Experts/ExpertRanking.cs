using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Experts;

/// <summary>The firm a task is for, as matching needs it.</summary>
public sealed record MatchingFirm(string BusinessRegistrationNumber, string Name);

/// <summary>Who may be offered a task, best first (docs/workflow.md, Who gets the work: Expert for a task).</summary>
public static class ExpertRanking
{
    /// <param name="excluded">Experts who declined or let an offer of this task lapse.</param>
    /// <param name="holdingOtherTasks">Experts holding another task of this application.</param>
    public static IReadOnlyList<ExpertEntity> Rank(
        IEnumerable<ExpertEntity> experts, DifficultyCategory category, MatchingFirm firm,
        IReadOnlySet<string> excluded, IReadOnlySet<string> holdingOtherTasks)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentNullException.ThrowIfNull(holdingOtherTasks);
        return
        [
            .. experts
                .Where(e => e.Active
                    && e.FieldList.Contains(category)
                    && e.ActiveAssignments < e.MaxActiveAssignments
                    && !HasConflict(e, firm)
                    && !excluded.Contains(e.RowKey))
                .OrderBy(e => holdingOtherTasks.Contains(e.RowKey))
                .ThenBy(e => (decimal)e.ActiveAssignments / e.MaxActiveAssignments)
                .ThenByDescending(e => e.YearsOfExperience)
                .ThenBy(e => e.TotalAssignments)
                .ThenBy(e => e.RowKey, StringComparer.Ordinal),
        ];
    }

    /// <summary>The firm is on the expert's conflict list, or the expert works for it (names compared trimmed, case-folded).</summary>
    public static bool HasConflict(ExpertEntity expert, MatchingFirm firm)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(firm);
        return expert.ToExpert().ConflictBusinessRegistrationNumbers.Contains(firm.BusinessRegistrationNumber)
            || string.Equals(expert.Organization.Trim(), firm.Name.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
