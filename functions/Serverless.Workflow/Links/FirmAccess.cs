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
    /// <see cref="FirmRequest.ByMailedLink"/>: the credential is a personal link, which alone confirms.
    /// </summary>
    public async Task<(FirmRequest? Firm, IResult? Refusal)> AuthorizeAsync(HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        if (BearerTokens.Of(request) is not { } token)
        {
            return (null, Problems.Unauthorized("Send the application's access token or personal link as 'Authorization: Bearer {token}'."));
        }

        var link = ApplicationIds.IsValid(applicationId) ? await FindAsync(token, applicationId, cancellationToken) : null;
        var application = link is null
            ? null
            : (await storage.Applications.GetEntityIfExistsAsync<ApplicationEntity>(applicationId, ApplicationEntity.Row, cancellationToken: cancellationToken)).Value;
        return application is null || Lapsed(link!, application)
            ? (null, Problems.NotFound())
            : (new FirmRequest(application, link!.Purpose == MailedPurpose), null);
    }

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

        return found;
    }

    /// <summary>
    /// A personal link opens the application for its whole life and <see cref="WorkflowOptions.FirmLinkRetention"/>
    /// after it ended (a mailbox keeps links for years; the access token, which only the firm's own system holds, stays).
    /// </summary>
    bool Lapsed(LinkEntity link, ApplicationEntity application) =>
        link.Purpose == MailedPurpose && application.CurrentStatus.IsTerminal()
        && time.GetUtcNow() - application.UpdatedAt > options.Value.FirmLinkRetention;
}

/// <summary>A firm's request, authorised: its application, and whether it came with a personal link (which alone confirms).</summary>
public sealed record FirmRequest(ApplicationEntity Application, bool ByMailedLink);
