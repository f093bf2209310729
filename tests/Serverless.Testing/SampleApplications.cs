using Serverless.Workflow.Applications;

namespace Serverless.Testing;

/// <summary>Valid applications to start from, and business registration numbers made to order.</summary>
public static class SampleApplications
{
    /// <summary>
    /// The sample of docs/api.md, as a request, with an address of the firm's own (one address is sent only so many
    /// receipt mails a day, and tests submit hundreds).
    /// </summary>
    public static ApplicationRequest Request(string businessRegistrationNumber = "124-81-00998", string language = "ko") => new(
        Programme: null,
        Language: language,
        Firm: new FirmRequest(
            businessRegistrationNumber, "남동정밀(주)", "홍길동", new DateOnly(2015, 3, 1), "C29", 42, 8, Email(businessRegistrationNumber),
            "032-123-4567", "인천광역시 남동구 남동대로 1", "친환경나노"),
        Financials: [new FinancialYearRequest(2025, 5_200_000_000, 800_000_000, 300_000_000)],
        Technology: new TechnologyRequest(6, 3, true, ["Innobiz"]),
        SelfAssessment: new SelfAssessmentRequest(3, 4, 2, 2, 3, 3),
        Difficulties: [new DifficultyRequest("Export", "해외 판로 개척")]);

    /// <summary>The documents every application needs (docs/workflow.md, documents), one of each kind.</summary>
    public static readonly string[] RequiredDocumentKinds = ["BusinessRegistration", "FinancialStatements", "BusinessPlan"];

    /// <summary>The smallest file the upload takes as a PDF (its signature and trailer).</summary>
    public static byte[] SmallPdf => "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    /// <summary>The firm's address in the samples: one per business registration number.</summary>
    public static string Email(string businessRegistrationNumber) =>
        $"ceo.{Workflow.Applications.BusinessRegistrationNumber.Digits(businessRegistrationNumber)}@example.com";

    /// <summary>A valid BRN for a serial number (office 120, type 81), with its check digit computed.</summary>
    public static string BusinessRegistrationNumber(int serial)
    {
        var nine = $"12081{serial % 10000:D4}";
        for (var check = 0; check <= 9; check++)
        {
            var candidate = nine + check;
            if (Workflow.Applications.BusinessRegistrationNumber.HasValidCheckDigit(candidate))
            {
                return $"{candidate[..3]}-{candidate[3..5]}-{candidate[5..]}";
            }
        }

        throw new InvalidOperationException("Every nine digits have exactly one check digit.");
    }
}
