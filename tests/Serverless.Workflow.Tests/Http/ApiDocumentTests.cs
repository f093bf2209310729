using System.Text.RegularExpressions;
using Serverless.Testing;
using Serverless.Workflow.Http;
using Xunit;

namespace Serverless.Workflow.Tests.Http;

/// <summary>docs/api.md's route table and the routes the hosts serve (<see cref="ApiRoutes.All"/>) are the same list.</summary>
public sealed partial class ApiDocumentTests
{
    [Fact]
    public void TheRouteTableOfDocsApi_ListsEveryRouteWithItsStatusCodes_AndNoOther()
    {
        var documented = File.ReadLines(Path.Combine(RepoPaths.Root, "docs", "api.md"))
            .SkipWhile(line => line != "## Routes")
            .TakeWhile(line => line != "## Access")
            .Select(line => RouteRow().Match(line))
            .Where(row => row.Success)
            .Select(row => $"{row.Groups["method"].Value} /{row.Groups["path"].Value}: {row.Groups["statuses"].Value.Trim()}")
            .ToList();

        // Only the first table: the local host's own routes follow under their own heading, without status codes.
        var served = ApiRoutes.All.Select(route => $"{route.Method} /{route.Template}: {string.Join(", ", route.Responses)}").ToList();

        Assert.Equal(served.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `(?<method>GET|POST|PUT|DELETE) /(?<path>[^`]+)` \|[^|]*\|[^|]*\| (?<statuses>[0-9, ]+) \|$")]
    private static partial Regex RouteRow();
}
