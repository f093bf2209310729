using System.Net;
using System.Text;
using Serverless.Workflow.Email;

namespace Serverless.Workflow.Links;

/// <summary>
/// The HTML page an emailed link opens: plain markup, no script, every value HTML-encoded here, so nothing a firm or
/// a reviewer typed can run in someone else's browser. The form posts back to the same URL.
/// </summary>
public sealed class LinkPage(bool english) : IBodyWriter
{
    readonly StringBuilder body = new();

    public bool English { get; } = english;

    /// <summary>Picks the Korean or the English text.</summary>
    public string Say(string korean, string englishText) => English ? englishText : korean;

    public LinkPage Heading(string value) => Append("<h2>", value, "</h2>");

    public LinkPage Paragraph(string value) => Append("<p>", value, "</p>");

    public LinkPage Field(string label, string value)
    {
        body.Append("<div><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(value)).Append("</div>");
        return this;
    }

    public LinkPage Error(string value) => Append("<p class=\"error\" role=\"alert\">", value, "</p>");

    public LinkPage BeginForm(bool withFile = false)
    {
        body.Append("<form method=\"post\"").Append(withFile ? " enctype=\"multipart/form-data\"" : "").Append('>');
        return this;
    }

    public LinkPage Choice(string name, string value, string label, bool chosen)
    {
        body.Append("<div><label><input type=\"radio\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append('"')
            .Append(chosen ? " checked" : "").Append("> ").Append(Encode(label)).Append("</label></div>");
        return this;
    }

    public LinkPage TextArea(string name, string label, string value, int maxLength)
    {
        body.Append("<div><label>").Append(Encode(label)).Append("<br><textarea name=\"").Append(Encode(name)).Append("\" rows=\"6\" cols=\"60\" maxlength=\"")
            .Append(maxLength).Append("\">").Append(WebUtility.HtmlEncode(value)) // line breaks stay line breaks in a textarea
           .Append("</textarea></label></div>");
        return this;
    }

    public LinkPage Checkbox(string name, string value, string label, bool chosen)
    {
        body.Append("<div><label><input type=\"checkbox\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append('"')
            .Append(chosen ? " checked" : "").Append("> ").Append(Encode(label)).Append("</label></div>");
        return this;
    }

    public LinkPage FileInput(string name, string label)
    {
        body.Append("<div><label>").Append(Encode(label)).Append("<br><input type=\"file\" name=\"").Append(Encode(name)).Append("\"></label></div>");
        return this;
    }

    public LinkPage EndForm(string submitLabel)
    {
        body.Append("<div><button type=\"submit\">").Append(Encode(submitLabel)).Append("</button></div></form>");
        return this;
    }

    public string ToHtml(string title) =>
        $"""
        <!DOCTYPE html>
        <html lang="{(English ? "en" : "ko")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{Encode(title)}</title>
        <style>body{"{"}font-family:sans-serif;line-height:1.5;max-width:48rem;margin:2rem auto;padding:0 1rem{"}"}.error{"{"}color:#b00020;font-weight:bold{"}"}</style>
        </head><body><h1>{Encode(title)}</h1>{body}</body></html>
        """;

    IBodyWriter IBodyWriter.Heading(string value) => Heading(value);

    IBodyWriter IBodyWriter.Paragraph(string value) => Paragraph(value);

    IBodyWriter IBodyWriter.Field(string label, string value) => Field(label, value);

    LinkPage Append(string open, string value, string close)
    {
        body.Append(open).Append(Encode(value)).Append(close);
        return this;
    }

    static string Encode(string value) => TextFormats.Html(value);
}
