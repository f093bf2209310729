using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Links;

/// <summary>
/// The firm's credentials for its own application, each a bearer token of the firm routes: the access token answered
/// at submission, and the personal links its mails carry (<c>/firm/{applicationId}#{token}</c>, the token in the
/// fragment, so no server, log or Referer sees it). Only a mailed link confirms: it proves the firm reads that mailbox.
/// </summary>
public sealed class FirmAccess(WorkflowStorage storage, LinkStore links, IOptions<WorkflowOptions> options, TimeProvider time)
{
    public const string Purpose = "FirmAccess";

    /// <summary>The purpose of a personal link mailed to the firm.</summary>
    public const string MailedPurpose = "FirmLink";

    /// <summary>The firm's own credentials live as long as its application may be looked at; other links end with the step.</summary>
    public static bool IsFirmCredential(LinkEntity link) => link?.Purpose is Purpose or MailedPurpose;

    public Task<string> IssueAsync(string applicationId, CancellationToken cancellationToken) =>
        IssueAsync(applicationId, Purpose, cancellationToken);

    /// <summary>A new personal link for a mail to the firm: the firm's page, with the token in the fragment.</summary>
    public async Task<string> IssuePageLinkAsync(string applicationId, EmailOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = await IssueAsync(applicationId, MailedPurpose, cancellationToken);
        return options.Link($"/firm/{applicationId}#{token}");
    }

    /// <summary>
    /// The application a firm's request is about, or the refusal: 401 without a bearer token (whatever the id), 404 for
    /// an unknown or malformed id or a token that is not a live credential of it (the two cannot be told apart).
    /// </summary>
    public async Task<(ApplicationEntity? Application, IResult? Refusal)> AuthorizeAsync(
        HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        if (BearerTokens.Of(request) is not { } token)
        {
            return (null, Problems.Unauthorized("Send the application's access token or personal link as 'Authorization: Bearer {token}'."));
        }

        var application = ApplicationIds.IsValid(applicationId) && await AllowsAsync(token, applicationId, cancellationToken)
            ? await storage.Applications.GetEntityIfExistsAsync<ApplicationEntity>(applicationId, ApplicationEntity.Row, cancellationToken: cancellationToken)
            : null;
        return application is { HasValue: true, Value: { } found } ? (found, null) : (null, Problems.NotFound());
    }

    /// <summary>True only for a live credential of the firm for exactly this application.</summary>
    public async Task<bool> AllowsAsync(string token, string applicationId, CancellationToken cancellationToken) =>
        await FindAsync(token, applicationId, cancellationToken) is not null;

    /// <summary>True only for a live personal link of exactly this application (not the access token).</summary>
    public async Task<bool> ConfirmsAsync(string token, string applicationId, CancellationToken cancellationToken) =>
        (await FindAsync(token, applicationId, cancellationToken))?.Purpose == MailedPurpose;

    async Task<string> IssueAsync(string applicationId, string purpose, CancellationToken cancellationToken)
    {
        var token = Tokens.New();
        await links.AddAsync(new LinkEntity
        {
            PartitionKey = Tokens.Hash(token),
            Purpose = purpose,
            ApplicationId = applicationId,
            Actor = "firm",
            IssuedAt = time.GetUtcNow(),
        }, cancellationToken);
        return token;
    }

    async Task<LinkEntity?> FindAsync(string token, string applicationId, CancellationToken cancellationToken)
    {
        if (!Tokens.IsWellFormed(token))
        {
            return null;
        }

        if (await links.FindHashAsync(Tokens.Hash(token), cancellationToken) is not { } found
            || !IsFirmCredential(found) || found.ApplicationId != applicationId || found.RevokedAt is not null)
        {
            return null;
        }

        return found.Purpose == MailedPurpose && await EndedBeforeRetentionAsync(applicationId, cancellationToken) ? null : found;
    }

    /// <summary>
    /// A personal link opens the application for its whole life and <see cref="WorkflowOptions.FirmLinkRetention"/>
    /// after it ended (a mailbox keeps links for years; the access token, which only the firm's own system holds, stays).
    /// </summary>
    async Task<bool> EndedBeforeRetentionAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await storage.Applications.GetEntityIfExistsAsync<ApplicationEntity>(applicationId, ApplicationEntity.Row, cancellationToken: cancellationToken);
        return application.HasValue && application.Value is { } ended && ended.CurrentStatus.IsTerminal()
            && time.GetUtcNow() - ended.UpdatedAt > options.Value.FirmLinkRetention;
    }
}
