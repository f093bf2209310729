using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Links;

/// <summary>
/// <c>GET</c> and <c>POST /api/links/{token}</c> for every purpose (docs/api.md, Emailed links), and the firm's
/// documents through a link that opens them. GET only shows. POST decides: the form is checked first (a refused form
/// leaves the token usable), then the link's one use and the step's decision are claimed (the atomic tests: the first
/// claim wins), the decision delivered to the workflow and the link marked used.
/// </summary>
public sealed class LinkHandlers(LinkStore links, DocumentStore documents, IEnumerable<ILinkPurpose> purposes, TimeProvider time)
{
    const string Decision = "decision";
    const string Recusal = "recusal";

    public async Task<IResult> ShowAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (link, purpose, refusal) = await OpenAsync(request, token, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var page = await PageAsync(link!, purpose!, token, cancellationToken);
        await purpose!.WriteAsync(page, link!, null, cancellationToken);
        return LinkResults.Page(page, purpose.Title(page));
    }

    /// <summary>
    /// <c>GET /api/links/{token}/documents/{documentId}</c>: one of the firm's documents, as an attachment of its stored
    /// type, exactly while the link is live (410 after, as the link) and only through a link whose page lists them.
    /// </summary>
    public async Task<IResult> DocumentAsync(HttpRequest request, string token, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (link, purpose, refusal) = await OpenAsync(request, token, cancellationToken);
        return refusal ?? (purpose!.OpensDocuments
            ? new LinkResults.Guarded(await DocumentDownload.FileAsync(documents, link!.ApplicationId, documentId, cancellationToken))
            : Problems.NotFound("This link opens no documents."));
    }

    public async Task<IResult> DecideAsync(HttpRequest request, string token, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (link, purpose, refusal) = await OpenAsync(request, token, cancellationToken);
        return refusal ?? await DecideAsync(request, link!, await PageAsync(link!, purpose!, token, cancellationToken), durable, cancellationToken);
    }

    /// <summary>
    /// Decides the step of a live link with the posted form, as its own post would: the firm's page gives its feedback
    /// through the application's feedback link (never mailed), whose one use makes the first rating stand.
    /// </summary>
    public Task<IResult> DecideAsync(HttpRequest request, LinkEntity link, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return DecideAsync(request, link, new LinkPage(link.Language == "en"), durable, cancellationToken);
    }

    async Task<IResult> DecideAsync(HttpRequest request, LinkEntity link, LinkPage page, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purpose = purposes.First(p => p.Purpose.ToString() == link.Purpose);
        var (form, formProblem) = await ReadFormAsync(request, purpose.MaxFormBytes, page, cancellationToken);
        if (formProblem is not null)
        {
            return LinkResults.Refusal(request, page, purpose.Title(page), ProblemStatus(formProblem), formProblem);
        }

        if (purpose is IRecusable recusable && recusable.Recuses(form!))
        {
            return await RecuseAsync(request, link, page, purpose, recusable, durable);
        }

        var (decision, errors) = purpose.Read(form!);
        if (decision is null)
        {
            page.Error(page.Say("입력 내용을 확인해 주십시오. 표시된 항목을 고쳐 다시 제출해 주십시오.", "Please check what you entered: the fields marked below need a change."));
            page.FieldErrors = errors.ToDictionary();
            await purpose.WriteAsync(page, link, form, cancellationToken);
            return LinkResults.Refusal(request, page, purpose.Title(page), StatusCodes.Status400BadRequest, Problems.Invalid(errors.ToDictionary()));
        }

        if (await purpose.AdmitAsync(link, decision, durable, CancellationToken.None) is { } notNow)
        {
            page.Error(notNow);
            await purpose.WriteAsync(page, link, form, cancellationToken);
            return LinkResults.Refusal(request, page, purpose.Title(page), StatusCodes.Status409Conflict, Problems.Conflict(notNow));
        }

        // From the claim on, nothing may cut the post short: the request's cancellation would strand a claimed decision.
        if ((await links.ClaimUseAsync(link, Decision, CancellationToken.None)).Use == Recusal)
        {
            return Recused(request, page, purpose);
        }

        var claim = await links.ClaimDecisionAsync(link, decision, CancellationToken.None);
        var refused = await purpose.DeliverAsync(new LinkDelivery(link, claim.Decision, !claim.First, form!), durable, CancellationToken.None);
        if (!claim.First)
        {
            // Decided before, through this link (a double post) or another one: the standing decision is delivered
            // again (the workflow takes the first of a step and ignores a repeat), so a post cut short after its claim
            // still reaches the workflow through any later post of that step.
            page.Paragraph(page.Say("이 건은 이미 결정되었습니다. 먼저 제출된 결정이 적용됩니다.", "This has already been decided; the first decision stands."));
            purpose.Describe(page, claim.Decision);
            return LinkResults.Refusal(request, page, purpose.Title(page), StatusCodes.Status410Gone,
                Problems.Status(StatusCodes.Status410Gone, "Gone", "This step was already decided."));
        }

        if (refused is not null)
        {
            await links.MarkUsedAsync(link, CancellationToken.None);
            page.Error(refused);
            return LinkResults.Refusal(request, page, purpose.Title(page), StatusCodes.Status409Conflict, Problems.Conflict(refused));
        }

        await links.MarkUsedAsync(link, CancellationToken.None);
        page.Paragraph(page.Say("제출하신 내용이 기록되었습니다. 감사합니다.", "Your answer has been recorded. Thank you."));
        purpose.Describe(page, claim.Decision);
        return LinkResults.Page(page, purpose.Title(page));
    }

    /// <summary>
    /// The holder declares a conflict instead of deciding: the link's one use claimed for that (a decision of this link
    /// that came first stands), the recusal carried out, the link used up; the step stays open for someone else.
    /// </summary>
    async Task<IResult> RecuseAsync(HttpRequest request, LinkEntity link, LinkPage page, ILinkPurpose purpose, IRecusable recusable, DurableTaskClient durable)
    {
        var (use, first) = await links.ClaimUseAsync(link, Recusal, CancellationToken.None);
        if (use != Recusal)
        {
            page.Paragraph(page.Say("이 링크로 이미 결정이 제출되었습니다. 그 결정이 적용됩니다.", "A decision was already made with this link; it stands."));
            return LinkResults.Refusal(request, page, purpose.Title(page), StatusCodes.Status410Gone,
                Problems.Status(StatusCodes.Status410Gone, "Gone", "This link was already used to decide."));
        }

        await recusable.RecuseAsync(link, first, durable, CancellationToken.None);
        await links.MarkUsedAsync(link, CancellationToken.None);
        recusable.DescribeRecusal(page);
        return LinkResults.Page(page, purpose.Title(page));
    }

    static IResult Recused(HttpRequest request, LinkPage page, ILinkPurpose purpose)
    {
        page.Paragraph(page.Say("이 링크로 이해충돌을 신고하셨으므로 결정할 수 없습니다.", "You declared a conflict of interest with this link, so it cannot decide."));
        return LinkResults.Refusal(request, page, purpose.Title(page), StatusCodes.Status410Gone,
            Problems.Status(StatusCodes.Status410Gone, "Gone", "This link was used to declare a conflict of interest."));
    }

    /// <summary>A page for the link, listing the firm's documents under the link's own path when its purpose opens them.</summary>
    async Task<LinkPage> PageAsync(LinkEntity link, ILinkPurpose purpose, string token, CancellationToken cancellationToken) =>
        new(link.Language == "en")
        {
            Documents = purpose.OpensDocuments
                ? new DocumentShelf(await documents.ListAsync(link.ApplicationId, cancellationToken), $"/api/links/{token}/documents/")
                : null,
        };

    /// <summary>The link and its purpose, or the refusal: 404 unknown or malformed, 410 used, revoked or expired.</summary>
    async Task<(LinkEntity? Link, ILinkPurpose? Purpose, IResult? Refusal)> OpenAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(token, cancellationToken);
        var purpose = link is null ? null : purposes.FirstOrDefault(p => p.Purpose.ToString() == link.Purpose);
        if (link is null || purpose is null)
        {
            // A firm's access token is not an emailed link either: the same 404 as for any token we never issued.
            var unknown = new LinkPage(english: false).Paragraph("유효하지 않은 링크입니다. (This link is not valid.)");
            return (null, null, LinkResults.Refusal(request, unknown, "링크 없음 (Link not found)", StatusCodes.Status404NotFound, Problems.NotFound("No such link.")));
        }

        var page = new LinkPage(link.Language == "en");
        var gone = link.UsedAt is { } used
            ? page.Say($"이 링크는 이미 사용되었습니다 ({TextFormats.Utc(used)}).", $"This link was already used ({TextFormats.Utc(used)}).")
            : link.RevokedAt is { } revoked
                ? page.Say($"이 링크는 더 이상 유효하지 않습니다. 새 링크로 대체되었거나 처리가 종료되었습니다 ({TextFormats.Utc(revoked)}).",
                    $"This link is no longer valid: it was replaced by a newer one, or the step has closed ({TextFormats.Utc(revoked)}).")
                : link.ExpiresAt <= time.GetUtcNow()
                    ? page.Say($"이 링크는 만료되었습니다 ({TextFormats.Utc(link.ExpiresAt.Value)}). 새 링크가 필요하시면 사업 담당자에게 문의해 주십시오.",
                        $"This link has expired ({TextFormats.Utc(link.ExpiresAt.Value)}). If you still need one, ask the programme office for a new link.")
                    : null;
        return gone is null
            ? (link, purpose, null)
            : (null, null, LinkResults.Refusal(request, page.Paragraph(gone), purpose.Title(page), StatusCodes.Status410Gone,
                Problems.Status(StatusCodes.Status410Gone, "Gone", gone)));
    }

    static async Task<(IFormCollection? Form, IResult? Problem)> ReadFormAsync(
        HttpRequest request, long maxBytes, LinkPage page, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            page.Error(page.Say("양식을 다시 제출해 주십시오.", "Please submit the form again."));
            return (null, Problems.UnsupportedMediaType("Send the form as application/x-www-form-urlencoded or multipart/form-data."));
        }

        var tooLarge = Problems.TooLarge($"The form must be at most {maxBytes / 1024} KiB.");
        if (request.ContentLength > maxBytes)
        {
            page.Error(page.Say("입력 내용이 너무 깁니다.", "The form is too large."));
            return (null, tooLarge);
        }

        RequestBody.LimitTo(request, maxBytes);
        try
        {
            return (await request.ReadFormAsync(new FormOptions { ValueLengthLimit = (int)maxBytes, MultipartBodyLengthLimit = maxBytes }, cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            page.Error(page.Say("양식을 읽을 수 없습니다. 다시 제출해 주십시오.", "The form could not be read; please submit it again."));
            return (null, e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? tooLarge
                : Problems.Invalid("$", "The form body could not be read."));
        }
    }

    static int ProblemStatus(IResult problem) => (problem as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status400BadRequest;
}
