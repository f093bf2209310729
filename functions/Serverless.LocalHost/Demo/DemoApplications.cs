using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Confirmation;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Http;
using Serverless.Workflow.Orchestration;

namespace Serverless.LocalHost.Demo;

/// <summary>
/// A handful of demo applications, submitted through intake as a firm would (Idempotency-Key <c>local-host-demo-data-{n}</c>, so a
/// restart submits nothing twice). Most get their documents and go on to review; the last ones wait for documents.
/// </summary>
internal sealed class DemoApplications(
    IntakeService intake, FirmConfirmation confirmation, ApplicationValidator validator, DocumentStore documents, DurableTaskClient durable)
{
    static readonly (string Name, string Category, string MiniCluster, int Employees)[] Firms =
    [
        ("남동정밀(주)", "Export", "친환경나노", 42),
        ("인천금속공업", "Production", "뿌리산업", 85),
        ("청라바이오텍", "Technology", "바이오헬스", 23),
        ("소래전자(주)", "Marketing", "전기전자부품", 57),
        ("송도로봇", "Prototype", "스마트기계부품", 15),
        ("남동화학", "Finance", "정밀화학소재", 120),
    ];

    const int WithDocuments = 4;

    public async Task SubmitAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Firms.Length; i++)
        {
            var (form, errors) = validator.Validate(Request(i));
            if (form is null)
            {
                throw new InvalidOperationException($"Demo application {i + 1} is not valid: {string.Join("; ", errors.ToDictionary().Keys)}");
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(form, Json.Options);
            var outcome = await intake.SubmitAsync(form, Convert.ToHexStringLower(SHA256.HashData(body)), $"local-host-demo-data-{i + 1}", durable, cancellationToken);
            if (outcome is not SubmissionOutcome.Accepted(var application, _))
            {
                continue;
            }

            await confirmation.ConfirmAsync(application, durable, cancellationToken); // as the firm would, from its receipt mail
            if (i < WithDocuments && (await documents.ListAsync(application.ApplicationId, cancellationToken)).Count == 0)
            {
                foreach (var kind in DocumentRules.Required)
                {
                    using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
                    var document = await documents.SaveAsync(application.ApplicationId, kind.ToString(), $"{kind}.pdf", "application/pdf", pdf, cancellationToken);
                    await durable.RaiseEventAsync(
                        application.ApplicationId, WorkflowEvents.DocumentsUpdated, new DocumentsUpdated(document.DocumentId, document.Kind), cancellationToken);
                }
            }
        }
    }

    static ApplicationRequest Request(int i)
    {
        var (name, category, miniCluster, employees) = Firms[i];
        return new ApplicationRequest(
            Programme: null,
            Language: "ko",
            Firm: new FirmRequest(Brn(i), name, "홍길동", new DateOnly(2008 + (i * 2), 3, 1), "C29", employees, employees / 5,
                $"ceo{i + 1}@demo-firm.namdong-cluster.local", "032-123-4567", "인천광역시 남동구 남동대로 1", miniCluster),
            Financials: [new FinancialYearRequest(2024, 3_000_000_000L + (i * 700_000_000L), 300_000_000, 150_000_000),
                new FinancialYearRequest(2025, 3_600_000_000L + (i * 800_000_000L), 500_000_000, 200_000_000)],
            Technology: new TechnologyRequest(3 + i, i, i % 2 == 0, ["Innobiz"]),
            SelfAssessment: new SelfAssessmentRequest(3, 3, 2 + (i % 3), 3, 4, 3),
            Difficulties: [new DifficultyRequest(category, $"{category} 분야 지원이 필요합니다")]);
    }

    /// <summary>A valid business registration number of the demo range (office 999, type 86).</summary>
    static string Brn(int i)
    {
        var nine = $"99986{i + 1:D4}";
        var digits = Enumerable.Range(0, 10).Select(check => nine + check).First(BusinessRegistrationNumber.HasValidCheckDigit);
        return $"{digits[..3]}-{digits[3..5]}-{digits[5..]}";
    }
}
