using Serverless.Testing;
using Serverless.Workflow.Http;
using Serverless.Workflow.Orchestration;
using Xunit;

namespace Serverless.Functions.Tests;

/// <summary>The two hosts cannot drift: same routes, same orchestrators and activities.</summary>
public sealed class ParityTests
{
    [Fact]
    public void HttpRoutes_InFunctionsMetadata_EqualTheLocalHostsSharedRoutes()
    {
        var functions = FunctionsMetadata.HttpRoutes();
        var local = RouteTable.SharedLocalHost();

        Assert.Empty(local.Except(functions).Select(r => $"only on the local host: {r}"));
        Assert.Empty(functions.Except(local).Select(r => $"only in the Functions app: {r}"));
    }

    [Fact]
    public void Orchestrators_InFunctionsMetadata_AreExactlyTheWorkflowsOrchestrators()
    {
        Assert.Equal(
            WorkflowTasks.Orchestrators.Select(t => t.Name).Order(),
            FunctionsMetadata.NamesWithTrigger("orchestrationTrigger").Order());
    }

    [Fact]
    public void Activities_InFunctionsMetadata_AreExactlyTheWorkflowsActivities()
    {
        Assert.Equal(
            WorkflowTasks.Activities.Select(t => t.Name).Order(),
            FunctionsMetadata.NamesWithTrigger("activityTrigger").Order());
    }

    [Fact]
    public void AdminRoutes_NeedTheFunctionKey_AndNoOtherRouteDoes()
    {
        foreach (var (name, trigger) in FunctionsMetadata.Triggers().Where(t => t.Trigger.GetProperty("type").GetString() == "httpTrigger"))
        {
            var admin = trigger.GetProperty("route").GetString()!.StartsWith(ApiRoutes.AdminPrefix, StringComparison.Ordinal);
            Assert.True(
                trigger.GetProperty("authLevel").GetString() == (admin ? "Function" : "Anonymous"),
                $"{name}: {trigger.GetProperty("authLevel")}");
        }
    }
}
