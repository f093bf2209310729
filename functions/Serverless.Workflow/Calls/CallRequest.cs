namespace Serverless.Workflow.Calls;

/// <summary>A call's title in the page's two languages.</summary>
public sealed record CallTitle(string? Ko, string? En);

/// <summary>
/// The body of <c>POST /api/admin/calls</c> and <c>PUT /api/admin/calls/{callId}</c> (docs/api.md, Calls). Times may
/// carry any offset; they are kept and answered in UTC. <see cref="CloseNow"/> closes an open call at once.
/// </summary>
public sealed record CallRequest(
    string? Programme,
    CallTitle? Title,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    long? BudgetKrw,
    IReadOnlyList<string>? MiniClusters,
    int? MaxApplications,
    bool? CloseNow);
