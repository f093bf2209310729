using System.Globalization;
using System.Net;
using System.Text;

namespace Serverless.LocalHost.DevMailbox;

/// <summary>GET /dev/mailbox: the captured mail, newest first, with its links clickable.</summary>
public static class MailboxPage
{
    public static string Render(IReadOnlyList<CapturedMail> mails)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var html = new StringBuilder("""
            <!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>Dev mailbox</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
            h2{font-size:1.1rem;margin:0 0 .3rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}
            .meta{color:#555;font-size:.9rem}</style></head><body>
            <h1>Dev mailbox</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>{mails.Count} message(s), newest first. JSON: <a href=\"/dev/mailbox/messages\">/dev/mailbox/messages</a></p>");
        foreach (var mail in mails)
        {
            html.Append("<article><h2>").Append(Encode(mail.Subject)).Append("</h2>")
                .Append("<div class=\"meta\">To ").Append(Encode(string.Join(", ", mail.To)))
                .Append(" · ").Append(mail.SentAt.ToString("u", CultureInfo.InvariantCulture)).Append("</div>");
            foreach (var link in mail.Links)
            {
                html.Append("<div><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(link)).Append("</a></div>");
            }

            html.Append("<pre>").Append(Encode(mail.Text)).Append("</pre></article>");
        }

        return html.Append("</body></html>").ToString();
    }

    static string Encode(string value) => WebUtility.HtmlEncode(value);
}
