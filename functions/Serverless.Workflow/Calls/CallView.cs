namespace Serverless.Workflow.Calls;

/// <summary>Where a call stands now.</summary>
public enum CallState
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>A call as the admin API answers it (docs/api.md, Calls); times in UTC, money in won.</summary>
public sealed record CallView(
    string CallId, string Programme, CallTitle Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, CallState State, bool ClosedEarly,
    long BudgetKrw, long CommittedKrw, long SpentKrw, long LeftKrw, IReadOnlyList<string> MiniClusters, int? MaxApplications, int Applications)
{
    /// <param name="applications">How many the call has taken (<see cref="CallSeats.CountAsync"/>).</param>
    public static CallView Of(CallEntity call, DateTimeOffset now, int applications)
    {
        ArgumentNullException.ThrowIfNull(call);
        var state = now < call.OpensAt ? CallState.Upcoming : now < call.ClosesAt ? CallState.Open : CallState.Closed;
        return new CallView(
            call.CallId, call.Programme, new CallTitle(call.TitleKo, call.TitleEn), call.OpensAt, call.ClosesAt, state, call.ClosedEarly,
            call.BudgetKrw, call.CommittedKrw, call.SpentKrw, call.LeftKrw,
            call.MiniClusters,
            call.MaxApplications, applications);
    }
}

/// <summary>
/// A call as intake needs it, the apply page shows it and intake's refusals name it (docs/api.md, Calls); times in
/// UTC. A programme's guard row keeps its calls' summaries (<see cref="CallStore.ScheduleAsync"/>).
/// </summary>
public sealed record CallSummary(string CallId, CallTitle Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, IReadOnlyList<string> MiniClusters, int? MaxApplications)
{
    public static CallSummary Of(CallEntity call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.CallId, new CallTitle(call.TitleKo, call.TitleEn), call.OpensAt, call.ClosesAt, call.MiniClusters, call.MaxApplications);
    }

    public bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    /// <summary>Whether a firm of <paramref name="miniCluster"/> may apply in this call (no list: every mini-cluster).</summary>
    public bool Takes(string? miniCluster) => MiniClusters.Count == 0 || (miniCluster is not null && MiniClusters.Contains(miniCluster));
}

/// <summary>A programme's call open now, if any, and the next to open.</summary>
public sealed record ProgrammeCalls(CallSummary? Open, CallSummary? Next)
{
    /// <param name="schedule">The programme's calls, in the order they open.</param>
    public static ProgrammeCalls At(IReadOnlyList<CallSummary> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(schedule.FirstOrDefault(call => call.IsOpenAt(now)), schedule.FirstOrDefault(call => call.OpensAt > now));
    }
}
