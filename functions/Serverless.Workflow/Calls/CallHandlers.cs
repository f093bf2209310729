using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Calls;

/// <summary>
/// The calls' admin routes (docs/api.md, Calls): list, get, create, replace (or close now). The admin key is checked
/// by the host before these run. A refused request writes nothing.
/// </summary>
public sealed class CallHandlers(CallStore calls, IOptions<IntakeOptions> intake, TimeProvider time)
{
    const int MaxBodyBytes = 16 * 1024;
    const int MaxAttempts = 5;

    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return ApiResults.Json((await calls.ListAsync(cancellationToken)).Select(call => CallView.Of(call, now)).ToList());
    }

    public async Task<IResult> GetAsync(string callId, CancellationToken cancellationToken) =>
        ApplicationIds.IsValid(callId) && await calls.FindAsync(callId, cancellationToken) is { } call
            ? ApiResults.Json(CallView.Of(call, time.GetUtcNow()))
            : Problems.NotFound();

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var (call, errors) = CallValidator.Validate(body, existing: null, intake.Value, now);
        if (call is null)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        return await calls.SaveAsync(call, isNew: true, cancellationToken) switch
        {
            CallWrite.Done => ApiResults.Json(CallView.Of(call, now), StatusCodes.Status201Created, $"/{ApiRoutes.Calls}/{call.CallId}"),
            CallWrite.Overlaps overlap => Overlapping(overlap.Other),
            _ => Problems.Conflict("The call could not be created; try again."),
        };
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, string callId, CancellationToken cancellationToken)
    {
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
            var (call, errors) = CallValidator.Validate(body, existing, intake.Value, now);
            if (call is null)
            {
                return Problems.Invalid(errors.ToDictionary());
            }

            switch (await calls.SaveAsync(call, isNew: false, cancellationToken))
            {
                case CallWrite.Done:
                    return ApiResults.Json(CallView.Of(call, now));
                case CallWrite.Overlaps overlap:
                    return Overlapping(overlap.Other);
            }
        }

        return Problems.Conflict("The call kept changing meanwhile; try again.");
    }

    static ProblemHttpResult Overlapping(CallEntity other) => Problems.Conflict(
        string.Create(CultureInfo.InvariantCulture, $"The window overlaps call {other.CallId} ({other.OpensAt:O} to {other.ClosesAt:O}) of the same programme."),
        new Dictionary<string, object?> { ["overlappingCallId"] = other.CallId });

    static Task<(CallRequest? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RequestBody.ReadObjectAsync<CallRequest>(request, MaxBodyBytes, "call", cancellationToken);
}
