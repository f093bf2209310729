using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Serverless.Workflow.Http;

/// <summary>The one way errors leave the API: RFC 9457 problem details, never an exception message.</summary>
public static class Problems
{
    public static ProblemHttpResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string detail = "No such resource.") =>
        Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Unauthorized(string detail) =>
        Status(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Status(StatusCodes.Status409Conflict, "Conflict", detail, extensions);

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    public static ProblemHttpResult TooLarge(string detail) =>
        Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The request has invalid fields; see errors.", title: "Invalid request");

    public static ValidationProblem Invalid(string path, string message) =>
        Invalid(new Dictionary<string, string[]> { [path] = [message] });
}
