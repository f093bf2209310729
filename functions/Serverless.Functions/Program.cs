using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Serverless.Functions;
using Serverless.Functions.Http;
using Serverless.Workflow;

// The Azure Functions app: the workflow's orchestrator, activities and routes behind thin [Function] wrappers.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpGuardMiddleware>();
builder.AddWorkflow();
builder.AddTelemetry();
await builder.Build().RunAsync();
