using System.Globalization;
using System.Net;
using System.Text;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost.DevMailbox;

/// <summary>GET /dev/mailbox: the captured mail, newest first, with its links clickable, in the site's one look.</summary>
public static class MailboxPage
{
    public static string Render(IReadOnlyList<CapturedMail> mails)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var html = new StringBuilder($"""
            <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>메일함 (Dev mailbox)</title><link rel="stylesheet" href="{Assets.StylesheetPath}"></head><body>
            <header class="site"><p class="brand">남동클러스터 기업성장 지원</p></header><main id="main"><h1>메일함 (Dev mailbox)</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead\">{mails.Count}통, 최신순 ({mails.Count} message(s), newest first). JSON: <a href=\"/dev/mailbox/messages\">/dev/mailbox/messages</a></p>");
        foreach (var mail in mails)
        {
            html.Append("<article class=\"card mail\"><h2>").Append(Encode(mail.Subject)).Append("</h2>")
                .Append("<p class=\"meta\">To ").Append(Encode(string.Join(", ", mail.To)))
                .Append(" · ").Append(mail.SentAt.ToString("u", CultureInfo.InvariantCulture)).Append("</p>");
            foreach (var link in mail.Links)
            {
                html.Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(link)).Append("</a></p>");
            }

            html.Append("<pre>").Append(Encode(mail.Text)).Append("</pre></article>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    static string Encode(string value) => WebUtility.HtmlEncode(value);
}
