using System.Text;

namespace Serverless.Workflow.Email;

/// <summary>
/// Builds a mail's plain-text and HTML bodies side by side from the same parts, HTML-encoding every value, so no
/// template can forget to encode what a firm typed.
/// </summary>
public sealed class MailBody : IBodyWriter
{
    readonly StringBuilder text = new();
    readonly StringBuilder html = new("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");

    public MailBody Heading(string value)
    {
        text.AppendLine(value).AppendLine(new string('-', Math.Min(value.Length * 2, 40)));
        html.Append("<h3>").Append(Encode(value)).Append("</h3>");
        return this;
    }

    public MailBody Paragraph(string value)
    {
        text.AppendLine(value).AppendLine();
        html.Append("<p>").Append(Encode(value)).Append("</p>");
        return this;
    }

    public MailBody Field(string label, string value)
    {
        text.Append(label).Append(": ").AppendLine(value);
        html.Append("<div><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(value)).Append("</div>");
        return this;
    }

    public MailBody Link(string label, string url)
    {
        text.Append(label).Append(": ").AppendLine(url);
        html.Append("<div><strong>").Append(Encode(label)).Append(":</strong> <a href=\"").Append(Encode(url)).Append("\">")
            .Append(Encode(url)).Append("</a></div>");
        return this;
    }

    IBodyWriter IBodyWriter.Heading(string value) => Heading(value);

    IBodyWriter IBodyWriter.Paragraph(string value) => Paragraph(value);

    IBodyWriter IBodyWriter.Field(string label, string value) => Field(label, value);

    public EmailMessage ToMessage(IReadOnlyList<string> to, string subject) =>
        new(to, subject, text.ToString().TrimEnd() + "\n", html + "</body></html>");

    static string Encode(string value) => TextFormats.Html(value);
}
