using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Links;

/// <summary>
/// What one purpose of emailed link shows and decides. The generic handler (<see cref="LinkHandlers"/>) does the rest:
/// finding the token, refusing used, revoked and expired ones, claiming the step's decision once, the headers.
/// </summary>
public interface ILinkPurpose
{
    LinkPurpose Purpose { get; }

    /// <summary>The largest form this purpose accepts, framing included.</summary>
    long MaxFormBytes { get; }

    string Title(LinkPage page);

    /// <summary>What the link is for, and the form; <paramref name="posted"/> refills it after a refused post.</summary>
    Task WriteAsync(LinkPage page, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken);

    /// <summary>The decision in the form, serialised for the step's claim, or the fields at fault.</summary>
    (string? Decision, ValidationErrors Errors) Read(IFormCollection form);

    /// <summary>
    /// Hands the standing decision to the workflow; <paramref name="form"/> is this post's (a report's file). May run
    /// twice for one decision (a repeated post): the workflow takes one. Returns why the decision could not take
    /// effect (answered 409: an expert at capacity), or null.
    /// </summary>
    Task<string?> DeliverAsync(LinkEntity link, string decision, IFormCollection form, DurableTaskClient durable, CancellationToken cancellationToken);

    /// <summary>Shows a decision, on the confirmation page or the page saying the step was already decided.</summary>
    void Describe(LinkPage page, string decision);
}
