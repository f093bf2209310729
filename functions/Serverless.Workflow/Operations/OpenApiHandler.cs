using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Operations;

/// <summary>GET /api/openapi.json: an OpenAPI 3 document generated from <see cref="ApiRoutes.All"/>.</summary>
public static class OpenApiHandler
{
    static readonly Lazy<string> Document = new(Build);

    public static IResult Get() => TypedResults.Text(Document.Value, "application/json");

    static string Build()
    {
        var paths = new JsonObject();
        foreach (var route in ApiRoutes.All.GroupBy(r => r.Template))
        {
            var item = new JsonObject();
            foreach (var operation in route)
            {
                item[operation.Method.ToLowerInvariant()] = Operation(operation);
            }

            paths["/" + route.Key] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Namdong cluster growth-stage support",
                ["version"] = "1.0",
            },
            ["paths"] = paths,
        }.ToJsonString();
    }

    static JsonObject Operation(ApiOperation operation)
    {
        var parameters = new JsonArray();
        foreach (var name in PathParameters(operation.Template))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        var responses = new JsonObject();
        foreach (var status in operation.Responses)
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
            };
        }

        return new JsonObject
        {
            ["operationId"] = operation.OperationId,
            ["summary"] = operation.Summary,
            ["parameters"] = parameters,
            ["responses"] = responses,
        };
    }

    static IEnumerable<string> PathParameters(string template) =>
        template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'));
}
