namespace Serverless.Workflow.Email;

/// <summary>
/// What mails and link pages are written with, so a summary written once reads the same in a reviewer's mail and
/// on the page their link opens. Every implementation encodes the values it is given.
/// </summary>
public interface IBodyWriter
{
    IBodyWriter Heading(string value);

    IBodyWriter Paragraph(string value);

    IBodyWriter Field(string label, string value);
}
