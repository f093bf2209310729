using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;

namespace Serverless.Workflow.Links;

/// <summary>
/// An admin's resend for the firm (docs/api.md, resend): the firm's personal links are revoked and a new one is
/// mailed, as when the firm lost its mail or forwarded it by mistake. The access token is not touched.
/// </summary>
public sealed class FirmLinkMail(FirmAccess access, LinkStore links, EmailOutbox outbox, IOptions<EmailOptions> options)
{
    public async Task ResendAsync(ApplicationEntity application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        await links.RevokeAsync(application.ApplicationId, link => link.Purpose == FirmAccess.MailedPurpose, cancellationToken);
        await outbox.SendOnceAsync(application.ApplicationId, $"firm-link-{now.UtcTicks}", async composing =>
        {
            var firmPage = await access.IssuePageLinkAsync(application.ApplicationId, options.Value, composing);
            return EmailTemplates.Render(EmailKind.FirmLink, application, [], options.Value, firmPage);
        }, cancellationToken);
    }
}
