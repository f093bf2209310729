using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Links;

/// <summary>
/// What every purpose of emailed link does alike, so that a purpose keeps only its own page, form and delivery: its
/// page is about the link's application, loaded here; its decision is a <typeparamref name="TDecision"/> record,
/// claimed as JSON and read back here for the delivery and the description.
/// </summary>
public abstract class ApplicationLinkPurpose<TDecision>(ApplicationStore applications, LinkPurpose purpose, string koreanTitle, string englishTitle)
    : ILinkPurpose
    where TDecision : class
{
    public LinkPurpose Purpose => purpose;

    /// <summary>Only the pages of those who work on the application itself (review, engagement) open its documents.</summary>
    public virtual bool OpensDocuments => false;

    /// <summary>A form of text fields and choices; a purpose that takes a file allows it on top.</summary>
    public virtual long MaxFormBytes => 64 * 1024;

    protected ApplicationStore Applications => applications;

    public string Title(LinkPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Say(koreanTitle, englishTitle);
    }

    public async Task WriteAsync(LinkPage page, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(link);
        await WriteAsync(page, await applications.GetAsync(link.ApplicationId, cancellationToken), link, posted, cancellationToken);
    }

    public (string? Decision, ValidationErrors Errors) Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        var decision = Decide(form, errors);
        return decision is null ? (null, errors) : (JsonSerializer.Serialize(decision, Json.Options), errors);
    }

    public Task<string?> AdmitAsync(LinkEntity link, string decision, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return AdmitAsync(link, Claimed(decision), durable, cancellationToken);
    }

    public Task<string?> DeliverAsync(LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(durable);
        return DeliverAsync(Claimed(delivery.Decision), delivery, durable, cancellationToken);
    }

    public void Describe(LinkPage page, string decision)
    {
        ArgumentNullException.ThrowIfNull(page);
        Describe(page, Claimed(decision));
    }

    /// <summary>What the link is for, and the form; <paramref name="posted"/> refills it after a refused post.</summary>
    protected abstract Task WriteAsync(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken);

    /// <summary>The decision in the form, or null when the form is refused: <paramref name="errors"/> then names the fields at fault.</summary>
    protected abstract TDecision? Decide(IFormCollection form, ValidationErrors errors);

    /// <summary>Whether <paramref name="decision"/> may stand, as <see cref="ILinkPurpose.AdmitAsync"/> says: most decisions always may.</summary>
    protected virtual Task<string?> AdmitAsync(LinkEntity link, TDecision decision, DurableTaskClient durable, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    /// <summary>Hands the standing <paramref name="decision"/> to the workflow, as <see cref="ILinkPurpose.DeliverAsync"/> says.</summary>
    protected abstract Task<string?> DeliverAsync(TDecision decision, LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken);

    /// <summary>Shows the standing <paramref name="decision"/>, as <see cref="ILinkPurpose.Describe"/> says.</summary>
    protected abstract void Describe(LinkPage page, TDecision decision);

    static TDecision Claimed(string decision) => JsonSerializer.Deserialize<TDecision>(decision, Json.Options)!;
}
