using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.LocalHost.Tests;

/// <summary>The storage a submission leaves when its host dies between writing the application and starting the workflow.</summary>
internal static class HalfDoneSubmission
{
    public static async Task<ApplicationEntity> WriteAsync(IntakeHostFixture fixture, string idempotencyKey, string json)
    {
        var form = new ApplicationValidator(Microsoft.Extensions.Options.Options.Create(new IntakeOptions()), TimeProvider.System)
            .Validate(JsonSerializer.Deserialize<ApplicationRequest>(json, Json.Options)).Form!;
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var now = DateTimeOffset.UtcNow;
        var application = new ApplicationEntity
        {
            PartitionKey = ApplicationIds.New(),
            Programme = form.Programme,
            ReceiptNumber = $"GS-{now.Year}-9{Random.Shared.Next(0, 10000):D4}",
            Language = form.Language,
            FirmName = form.Firm.Name,
            BusinessRegistrationNumber = form.Firm.BusinessRegistrationNumber,
            FirmEmail = form.Firm.Email,
            FormJson = JsonSerializer.Serialize(form, Json.Options),
            RequestHash = requestHash,
            SubmittedAt = now,
            UpdatedAt = now,
            WorkflowVersion = WorkflowVersions.Current,
        };
        await fixture.Table("Idempotency").AddEntityAsync(new IdempotencyEntity
        {
            PartitionKey = Tokens.Hash(idempotencyKey),
            RequestHash = requestHash,
            ApplicationId = application.ApplicationId,
            ReceiptNumber = application.ReceiptNumber,
            CreatedAt = now,
        });
        await fixture.Table("Applications").AddEntityAsync(application);
        return application;
    }
}
