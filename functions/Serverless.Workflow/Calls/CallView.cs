using System.Text.Json;

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
    public static CallView Of(CallEntity call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        var state = now < call.OpensAt ? CallState.Upcoming : now < call.ClosesAt ? CallState.Open : CallState.Closed;
        return new CallView(
            call.CallId, call.Programme, new CallTitle(call.TitleKo, call.TitleEn), call.OpensAt, call.ClosesAt, state, call.ClosedEarly,
            call.BudgetKrw, call.CommittedKrw, call.SpentKrw, call.BudgetKrw - call.CommittedKrw - call.SpentKrw,
            call.MiniClustersJson is null ? [] : JsonSerializer.Deserialize<List<string>>(call.MiniClustersJson) ?? [],
            call.MaxApplications, call.Applications);
    }
}
