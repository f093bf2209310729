using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;

namespace Serverless.Workflow.Reports;

/// <summary>
/// The outcome report as a spreadsheet (<c>outcomes.xlsx</c>): a summary sheet, then one sheet per table, Korean
/// headers, numbers as numbers (so they sum and chart in Excel), written with the Open XML SDK.
/// </summary>
public static class OutcomeWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>산·학·연·관: the expert sectors as the programme reports them.</summary>
    static readonly Dictionary<string, string> Sectors = new(StringComparer.Ordinal)
    {
        ["Industry"] = "산 (산업계)", ["Academia"] = "학 (학계)", ["Research"] = "연 (연구기관)", ["Government"] = "관 (공공기관)", ["Unknown"] = "미상",
    };

    public static byte[] Write(OutcomeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            Sheet(workbook, "요약", ["항목", "값"], Summary(report));
            Sheet(workbook, "상태별", ["상태", "신청 수"], Rows(report.ByStatus));
            Sheet(workbook, "미니클러스터별", ["미니클러스터", "신청 수"], Rows(report.ByMiniCluster));
            Sheet(workbook, "성장단계별", ["성장단계", "신청 수"], Rows(report.ByGrowthStage, key => ChoiceLabels.GrowthStages[Enum.Parse<GrowthStage>(key)].Korean));
            Sheet(workbook, "트랙별", ["지원 트랙", "신청 수"], Rows(report.ByTrack, key => ChoiceLabels.SupportTracks[Enum.Parse<SupportTrack>(key)].Korean));
            Sheet(workbook, "지원유형별 과제", ["지원 유형", "수행 과제 수"], Rows(report.TasksBySupportType, type => SupportType(report, type)));
            Sheet(workbook, "산학연관별 과제", ["전문가 분야", "수행 과제 수"], Rows(report.TasksBySector, key => Sectors.GetValueOrDefault(key, key)));
            Sheet(workbook, "지원유형별 예산", ["지원 유형", "약정 (원)", "집행 (원)"],
                report.Budget.BySupportType.Select(b => new object?[] { SupportType(report, b.Key), b.Value.CommittedKrw, b.Value.SpentKrw }));
        }

        return stream.ToArray();
    }

    static IEnumerable<object?[]> Summary(OutcomeReport report) =>
    [
        ["모집공고", string.Join(", ", report.Scope.Calls.Select(c => c.Title.Ko))],
        ["신청 수", report.Applications],
        ["지원 기업 수", report.FirmsSupported],
        ["예산 (원)", report.Budget.BudgetKrw],
        ["약정 (원)", report.Budget.CommittedKrw],
        ["집행 (원)", report.Budget.SpentKrw],
        ["잔액 (원)", report.Budget.BudgetKrw - report.Budget.CommittedKrw - report.Budget.SpentKrw],
        ["만족도 평가 요청", report.Feedback.Asked],
        ["만족도 응답", report.Feedback.Responses],
        ["응답률", report.Feedback.ResponseRate],
        ["평균 만족도 (5점 만점)", report.Feedback.AverageRating],
        ["접수부터 승인까지 (중앙값, 일)", report.MedianDaysToApproval],
        ["접수부터 완료까지 (중앙값, 일)", report.MedianDaysToCompletion],
        ["보고 기한 초과 과제", report.SlaBreaches],
    ];

    /// <summary>A support type in Korean, its code beside it: <c>수출 (ExportSupport)</c>.</summary>
    static string SupportType(OutcomeReport report, string type) =>
        report.SupportTypes.FirstOrDefault(s => s.Value == type) is { } named ? $"{named.Ko} ({type})" : type;

    static IEnumerable<object?[]> Rows(IReadOnlyDictionary<string, int> counts, Func<string, string>? label = null) =>
        counts.Select(c => new object?[] { label is null ? c.Key : label(c.Key), c.Value });

    static void Sheet(WorkbookPart workbook, string name, string[] headers, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData(Row(headers));
        foreach (var row in rows)
        {
            data.Append(Row(row));
        }

        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    static Row Row(IEnumerable<object?> values) => new(values.Select(Cell));

    /// <summary>A number as a number; a text inline; nothing (a figure not there yet) as an empty cell.</summary>
    static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!)) },
    };
}
