using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Calls;

/// <summary>
/// The calls' admin routes (docs/api.md, Calls): list, get, create, replace (or close now). The admin key is checked
/// by the host before these run. A refused request writes nothing.
/// </summary>
public sealed class CallHandlers(
    CallStore calls, CallSeats seats, CallBudget budget, ApplicationStore applications, IOptions<IntakeOptions> intake, TimeProvider time)
{
    const int MaxBodyBytes = 16 * 1024;
    const int MaxAttempts = 5;

    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var views = new List<CallView>();
        foreach (var call in await calls.ListAsync(cancellationToken))
        {
            views.Add(CallView.Of(call, now, await seats.CountAsync(call.CallId, cancellationToken)));
        }

        return ApiResults.Json(views);
    }

    public async Task<IResult> GetAsync(string callId, CancellationToken cancellationToken) =>
        ApplicationIds.IsValid(callId) && await calls.FindAsync(callId, cancellationToken) is { } call
            ? ApiResults.Json(CallView.Of(call, time.GetUtcNow(), await seats.CountAsync(callId, cancellationToken)))
            : Problems.NotFound();

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var (call, errors) = CallValidator.Validate(body, existing: null, taken: 0, intake.Value, now);
        if (call is null)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        return await calls.SaveAsync(call, isNew: true, cancellationToken) switch
        {
            CallWrite.Done => ApiResults.Json(CallView.Of(call, now, 0), StatusCodes.Status201Created, $"/{ApiRoutes.Calls}/{call.CallId}"),
            CallWrite.Overlaps overlap => Overlapping(overlap.Other),
            _ => Problems.Conflict("The call could not be created; try again."),
        };
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, string callId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        if (!ApplicationIds.IsValid(callId))
        {
            return Problems.NotFound();
        }

        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        // The call's row also moves when an application is taken or a budget committed: decide on the latest.
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await calls.FindAsync(callId, cancellationToken) is not { } existing)
            {
                return Problems.NotFound();
            }

            var now = time.GetUtcNow();
            var budgetBefore = existing.BudgetKrw;
            var taken = await seats.CountAsync(callId, cancellationToken);
            var (call, errors) = CallValidator.Validate(body, existing, taken, intake.Value, now);
            if (call is null)
            {
                return Problems.Invalid(errors.ToDictionary());
            }

            switch (await calls.SaveAsync(call, isNew: false, cancellationToken))
            {
                case CallWrite.Done:
                    if (call.BudgetKrw > budgetBefore)
                    {
                        await MailWaitingReviewersAsync(call, durable, now);
                    }

                    return ApiResults.Json(CallView.Of(call, now, taken));
                case CallWrite.Overlaps overlap:
                    return Overlapping(overlap.Other);
            }
        }

        return Problems.Conflict("The call kept changing meanwhile; try again.");
    }

    /// <summary>
    /// The budget went up: every application of the call whose approval the budget refused has its reviewer mailed
    /// again (the review step's resend), and waits no longer. Past the answer's claim nothing may cut this short.
    /// </summary>
    async Task MailWaitingReviewersAsync(CallEntity call, DurableTaskClient durable, DateTimeOffset now)
    {
        foreach (var (applicationId, round) in await budget.WaitingAsync(call.CallId, CancellationToken.None))
        {
            await applications.AppendEventAsync(applicationId, "ResendRequested", "admin", "the call's budget was raised", now, CancellationToken.None);
            await durable.RaiseEventAsync(applicationId, WorkflowEvents.ResendRequested(round), new ResendRequested("budget raised", now), CancellationToken.None);
            await budget.StopWaitingAsync(applicationId, CancellationToken.None);
        }
    }

    static ProblemHttpResult Overlapping(CallEntity other) => Problems.Conflict(
        string.Create(CultureInfo.InvariantCulture, $"The window overlaps call {other.CallId} ({other.OpensAt:O} to {other.ClosesAt:O}) of the same programme."),
        new Dictionary<string, object?> { ["overlappingCallId"] = other.CallId });

    static Task<(CallRequest? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RequestBody.ReadObjectAsync<CallRequest>(request, MaxBodyBytes, "call", cancellationToken);
}
