using System.Globalization;
using System.Net;
using System.Text;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Links;

/// <summary>The firm's documents a link opens, and the path they open under (the link's own, <c>/api/links/{token}/documents/</c>).</summary>
public sealed record DocumentShelf(IReadOnlyList<DocumentInfo> Documents, string Path);

/// <summary>
/// The HTML page an emailed link opens: plain markup, every value HTML-encoded here, so nothing a firm or a reviewer
/// typed can run in someone else's browser; the only script is the site's own upload progress for a file field. The form posts back to the same URL. Each heading opens a card
/// of the page; the look is the site's one stylesheet (<see cref="Assets.StylesheetPath"/>), so no style is inline.
/// </summary>
public sealed class LinkPage(bool english) : IBodyWriter
{
    readonly StringBuilder body = new();
    bool inCard;
    bool uploads;
    int controls;

    public bool English { get; } = english;

    /// <summary>The firm's documents, when the link opens them (review, engagement); null otherwise.</summary>
    public DocumentShelf? Documents { get; init; }

    /// <summary>A refused post's errors by field name: each is said at its field, which points to it (aria-describedby).</summary>
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; set; } = new Dictionary<string, string[]>();

    /// <summary>Picks the Korean or the English text.</summary>
    public string Say(string korean, string englishText) => English ? englishText : korean;

    /// <summary>Starts a card of the page under this heading (the card before it ends).</summary>
    public LinkPage Heading(string value)
    {
        EndCard();
        inCard = true;
        return Append("<section class=\"card\"><h2>", value, "</h2>");
    }

    public LinkPage Paragraph(string value) => Append("<p>", value, "</p>");

    public LinkPage Field(string label, string value)
    {
        body.Append("<div class=\"fact\"><span class=\"term\">").Append(Encode(label)).Append("</span> ").Append(Encode(value)).Append("</div>");
        return this;
    }

    public LinkPage Error(string value) => Append("<div class=\"notice\" role=\"alert\"><p>", value, "</p></div>");

    /// <summary>A table: its caption, its column headers, and rows whose first cell heads the row.</summary>
    public LinkPage Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? className = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        body.Append(className is null ? "<table>" : $"<table class=\"{className}\">").Append("<caption>").Append(Encode(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
        {
            body.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }

        body.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Append("<tr><th scope=\"row\">").Append(Encode(row[0])).Append("</th>");
            foreach (var (cell, header) in row.Skip(1).Zip(headers.Skip(1)))
            {
                // Each cell names its column, so a phone can stack the row (site.css) and it still reads.
                body.Append("<td data-label=\"").Append(Encode(header)).Append("\">").Append(Encode(cell)).Append("</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</tbody></table>");
        return this;
    }

    /// <summary>
    /// The diagnosis as the firm's page shows it (table <c>chart</c>): each dimension's score as a meter against its
    /// maximum, and the firm's self-assessment beside it.
    /// </summary>
    public LinkPage Chart(string caption, IEnumerable<(string Dimension, double Score, double Max, int SelfAssessment)> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        body.Append("<table class=\"chart\"><caption>").Append(Encode(caption)).Append("</caption><thead><tr><th scope=\"col\">")
            .Append(Encode(Say("부문", "Dimension"))).Append("</th><th scope=\"col\">").Append(Encode(Say("점수", "Score")))
            .Append("</th><th scope=\"col\"></th><th scope=\"col\">").Append(Encode(Say("자가진단", "Self-assessment"))).Append("</th></tr></thead><tbody>");
        foreach (var (dimension, score, max, self) in dimensions)
        {
            body.Append(CultureInfo.InvariantCulture,
                    $"<tr><th scope=\"row\">{Encode(dimension)}</th><td><meter min=\"0\" max=\"{max}\" value=\"{Math.Round(score, 2)}\" aria-label=\"{Encode(dimension)}\"></meter></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Math.Round(score)} / {Math.Round(max)}</td><td>{self} / 5</td></tr>");
        }

        body.Append("</tbody></table>");
        return this;
    }

    /// <summary>The firm's documents as links that download each through this page's link (nothing when it opens none).</summary>
    public LinkPage DocumentList(IReadOnlyDictionary<string, string> kindLabels)
    {
        ArgumentNullException.ThrowIfNull(kindLabels);
        if (Documents is not { } shelf)
        {
            return this;
        }

        Heading(Say("제출 서류", "Documents"));
        if (shelf.Documents.Count == 0)
        {
            return Paragraph(Say("제출된 서류가 없습니다.", "No documents were uploaded."));
        }

        body.Append("<ul class=\"documents\">");
        foreach (var document in shelf.Documents)
        {
            body.Append("<li><a href=\"").Append(Encode(shelf.Path + document.DocumentId)).Append("\" download>").Append(Encode(document.FileName))
                .Append("</a> <span class=\"how\">").Append(Encode(kindLabels.GetValueOrDefault(document.Kind, document.Kind))).Append("</span></li>");
        }

        body.Append("</ul>");
        return this;
    }

    public LinkPage BeginForm(bool withFile = false)
    {
        body.Append("<form method=\"post\"").Append(withFile ? " enctype=\"multipart/form-data\"" : "").Append('>');
        return this;
    }

    /// <summary>One choice of several under a legend, as radio buttons.</summary>
    public LinkPage Choices(string name, string legend, IEnumerable<(string Value, string Label)> choices, string? chosen)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var error = ErrorOf(name);
        body.Append("<fieldset class=\"field").Append(error is null ? "" : " invalid").Append('"').Append(error?.Describes ?? "").Append("><legend>")
            .Append(Encode(legend)).Append("</legend>").Append(error?.Html ?? "").Append("<div class=\"choices\">");
        foreach (var (value, label) in choices)
        {
            Control("radio", name, value, label, value == chosen, error: null);
        }

        body.Append("</div></fieldset>");
        return this;
    }

    public LinkPage Checkbox(string name, string value, string label, bool chosen)
    {
        var error = ErrorOf(name);
        body.Append(error is null ? "<div>" : "<div class=\"field invalid\">").Append(error?.Html ?? "");
        Control("checkbox", name, value, label, chosen, error);
        body.Append("</div>");
        return this;
    }

    public LinkPage TextArea(string name, string label, string value, int maxLength)
    {
        var (id, error) = OpenField(name, label);
        body.Append("<textarea id=\"").Append(id).Append("\" name=\"").Append(Encode(name)).Append("\" rows=\"6\" maxlength=\"").Append(maxLength)
            .Append('"').Append(error?.Describes ?? "").Append('>')
            .Append(WebUtility.HtmlEncode(value)) // line breaks stay line breaks in a textarea
            .Append("</textarea></div>");
        return this;
    }

    /// <summary>A file field with the progress bar that the page's one script (<c>link-upload.js</c>) fills as it sends.</summary>
    public LinkPage FileInput(string name, string label)
    {
        var (id, error) = OpenField(name, label);
        body.Append("<input type=\"file\" id=\"").Append(id).Append("\" name=\"").Append(Encode(name)).Append('"').Append(error?.Describes ?? "").Append('>')
            .Append("<progress max=\"100\" value=\"0\" hidden aria-label=\"").Append(Encode(Say("올리는 중", "Uploading"))).Append("\"></progress></div>");
        uploads = true;
        return this;
    }

    public LinkPage EndForm(string submitLabel)
    {
        body.Append("<div class=\"actions\"><button type=\"submit\">").Append(Encode(submitLabel)).Append("</button></div></form>");
        return this;
    }

    public string ToHtml(string title)
    {
        EndCard();
        return $"""
            <!DOCTYPE html>
            <html lang="{(English ? "en" : "ko")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{Encode(title)}</title><link rel="stylesheet" href="{Assets.StylesheetPath}">{(uploads ? "<script type=\"module\" src=\"/assets/link-upload.js\"></script>" : "")}
            </head><body><header class="site"><p class="brand">{Encode(Say("남동클러스터 기업성장 지원", "Namdong cluster growth support"))}</p></header>
            <main id="main"><h1>{Encode(title)}</h1>{body}</main></body></html>
            """;
    }

    IBodyWriter IBodyWriter.Heading(string value) => Heading(value);

    IBodyWriter IBodyWriter.Paragraph(string value) => Paragraph(value);

    IBodyWriter IBodyWriter.Field(string label, string value) => Field(label, value);

    void Control(string type, string name, string value, string label, bool chosen, FieldError? error)
    {
        var id = NextId();
        body.Append("<div class=\"choice\"><input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"").Append(Encode(name))
            .Append("\" value=\"").Append(Encode(value)).Append('"').Append(chosen ? " checked" : "").Append(error?.Describes ?? "").Append("><label for=\"")
            .Append(id).Append("\">").Append(Encode(label)).Append("</label></div>");
    }

    /// <summary>Opens a labelled field (its error, if any, under the label); returns the control's id and the error.</summary>
    (string Id, FieldError? Error) OpenField(string name, string label)
    {
        var id = NextId();
        var error = ErrorOf(name);
        body.Append(error is null ? "<div class=\"field\">" : "<div class=\"field invalid\">").Append("<label for=\"").Append(id).Append("\">")
            .Append(Encode(label)).Append("</label>").Append(error?.Html ?? "");
        return (id, error);
    }

    /// <summary>The error said at a field: its markup, and the attributes that tie the field's control to it.</summary>
    sealed record FieldError(string Html, string Describes);

    FieldError? ErrorOf(string name)
    {
        if (!FieldErrors.TryGetValue(name, out var messages))
        {
            return null;
        }

        var id = $"{NextId()}-error";
        var text = $"{Say("이 항목을 확인해 주십시오", "Please check this")}: {string.Join(" ", messages)}";
        return new FieldError($"<p class=\"error\" id=\"{id}\">{Encode(text)}</p>", $" aria-invalid=\"true\" aria-describedby=\"{id}\"");
    }

    string NextId() => $"c{++controls}";

    void EndCard()
    {
        if (inCard)
        {
            body.Append("</section>");
            inCard = false;
        }
    }

    LinkPage Append(string open, string value, string close)
    {
        body.Append(open).Append(Encode(value)).Append(close);
        return this;
    }

    static string Encode(string value) => TextFormats.Html(value);
}
