using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Links;

/// <summary>A decision to deliver: the link, the decision standing for its step, and this post's form (a report's file).</summary>
public sealed record LinkDelivery(LinkEntity Link, string Decision, bool Repeat, IFormCollection Form);

/// <summary>
/// What one purpose of emailed link shows and decides. The generic handler (<see cref="LinkHandlers"/>) does the rest:
/// finding the token, refusing used, revoked and expired ones, claiming the step's decision once, the headers.
/// What the purposes share besides (the application for the page, the decision's JSON) lives in <see cref="ApplicationLinkPurpose{TDecision}"/>.
/// </summary>
public interface ILinkPurpose
{
    LinkPurpose Purpose { get; }

    /// <summary>Whether the link's page lists the firm's documents, and the link opens them (<c>GET /api/links/{token}/documents/{id}</c>).</summary>
    bool OpensDocuments { get; }

    /// <summary>The largest form this purpose accepts, framing included.</summary>
    long MaxFormBytes { get; }

    string Title(LinkPage page);

    /// <summary>What the link is for, and the form; <paramref name="posted"/> refills it after a refused post.</summary>
    Task WriteAsync(LinkPage page, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken);

    /// <summary>The decision in the form, serialised for the step's claim, or the fields at fault.</summary>
    (string? Decision, ValidationErrors Errors) Read(IFormCollection form);

    /// <summary>
    /// Whether the decision read from this post may stand, asked before it is claimed: null when it may; otherwise why
    /// not, said on the page (answered 409), and the step stays open (an approval the call's budget no longer covers).
    /// </summary>
    Task<string?> AdmitAsync(LinkEntity link, string decision, DurableTaskClient durable, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the standing decision to the workflow. Runs again for a repeated post of the step (<see cref="LinkDelivery.Repeat"/>):
    /// the workflow takes the first event and ignores the rest, and a repeat must change nothing else. Returns why the
    /// decision could not take effect (answered 409: an expert at capacity), or null.
    /// </summary>
    Task<string?> DeliverAsync(LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken);

    /// <summary>Shows a decision, on the confirmation page or the page saying the step was already decided.</summary>
    void Describe(LinkPage page, string decision);
}
