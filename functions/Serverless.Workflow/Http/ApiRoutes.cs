namespace Serverless.Workflow.Http;

/// <summary>One HTTP operation of docs/api.md: what both hosts map and what the OpenAPI document describes.</summary>
public sealed record ApiOperation(string Method, string Template, string OperationId, string Summary, IReadOnlyList<int> Responses);

/// <summary>
/// Route templates, as constants so the Functions app's [HttpTrigger] attributes use the very same strings.
/// host.json sets an empty route prefix, so templates carry their own <c>api/</c>.
/// </summary>
public static class ApiRoutes
{
    public const string Health = "api/health";
    public const string OpenApi = "api/openapi.json";
    public const string Applications = "api/applications";
    public const string Application = "api/applications/{applicationId}";
    public const string Documents = "api/applications/{applicationId}/documents";
    public const string Document = "api/applications/{applicationId}/documents/{documentId}";
    public const string Confirm = "api/applications/{applicationId}/confirm";
    public const string Feedback = "api/applications/{applicationId}/feedback";
    public const string IntakeFormOptions = "api/intake/options";

    /// <summary>The firm's apply page; its scripts and stylesheet come from <see cref="Asset"/>.</summary>
    public const string Apply = "apply";

    /// <summary>The firm's page, which every mail to the firm links to (its personal link's token in the fragment).</summary>
    public const string FirmPage = "firm/{applicationId}";
    public const string Asset = "assets/{name}";
    public const string AdminPrefix = "api/admin/";
    public const string Reviewers = "api/admin/reviewers";
    public const string Reviewer = "api/admin/reviewers/{reviewerId}";
    public const string Resend = "api/admin/applications/{applicationId}/resend";
    public const string Link = "api/links/{token}";
    public const string LinkDocument = "api/links/{token}/documents/{documentId}";
    /// <summary>Not docs/api.md's <c>/admin</c>: the Functions host reserves routes starting with <c>admin</c>.</summary>
    public const string Dashboard = "dashboard";
    public const string AdminApplications = "api/admin/applications";
    public const string AdminApplicationsCsv = "api/admin/applications.csv";
    public const string AdminApplication = "api/admin/applications/{applicationId}";
    public const string AdminDocument = "api/admin/applications/{applicationId}/documents/{documentId}";
    public const string AdminReport = "api/admin/applications/{applicationId}/tasks/{taskId}/report";
    public const string Stats = "api/admin/stats";
    public const string Terminate = "api/admin/applications/{applicationId}/terminate";
    public const string Retry = "api/admin/applications/{applicationId}/retry";
    public const string Suspend = "api/admin/applications/{applicationId}/suspend";
    public const string Resume = "api/admin/applications/{applicationId}/resume";
    public const string History = "api/admin/applications/{applicationId}/history";
    public const string Assign = "api/admin/applications/{applicationId}/tasks/{taskId}/assign";
    public const string Calls = "api/admin/calls";
    public const string Call = "api/admin/calls/{callId}";
    public const string Outcomes = "api/admin/reports/outcomes";
    public const string OutcomesXlsx = "api/admin/reports/outcomes.xlsx";
    public const string Experts = "api/admin/experts";
    public const string Expert = "api/admin/experts/{expertId}";

    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        new("GET", Health, "GetHealth", "Storage and durable engine health", [200, 503]),
        new("GET", OpenApi, "GetOpenApi", "This document", [200]),
        new("POST", Applications, "SubmitApplication", "A firm submits an application", [202, 400, 409, 413, 415, 429]),
        new("POST", Feedback, "GiveFeedback", "The firm rates the support from its page (form: rating, comment); the first rating stands", [200, 400, 401, 404, 409, 413, 415]),
        new("POST", Confirm, "ConfirmApplication", "The firm confirms its application (Bearer: the personal link's token from the receipt mail)", [200, 401, 403, 404, 409]),
        new("GET", Application, "GetApplication", "The firm reads its application (Bearer: access token or personal link)", [200, 401, 404]),
        new("PUT", Application, "UpdateApplication", "The firm resubmits its application after changes were requested", [202, 400, 401, 404, 409, 413, 415]),
        new("POST", Documents, "UploadDocument", "The firm uploads a document (multipart: kind, file)", [201, 400, 401, 404, 409, 413, 415]),
        new("GET", Document, "DownloadDocument", "The firm downloads one of its documents", [200, 401, 404]),
        new("GET", Apply, "GetApplyPage", "The firm's apply page: the application form in Korean or English, posting to SubmitApplication", [200]),
        new("GET", FirmPage, "GetFirmPage", "The firm's page: its application's status, what is next, confirmation and uploads (the personal link's token stays in the fragment)", [200]),
        new("GET", IntakeFormOptions, "GetIntakeOptions", "What the application form offers and checks: programmes, mini-clusters, labelled choices, the validator's bounds", [200]),
        new("GET", Asset, "GetAsset", "A page's script or stylesheet (only the embedded ones)", [200, 404]),
        new("GET", Link, "ShowLink", "The page an emailed link opens (never changes state)", [200, 404, 410]),
        new("POST", Link, "DecideLink", "Submits the emailed link's form (review decision or recusal, offer answer, report)", [200, 400, 404, 409, 410, 413, 415]),
        new("GET", LinkDocument, "DownloadLinkDocument", "One of the firm's documents through a live review or engagement link (attachment)", [200, 404, 410]),
        new("POST", Resend, "ResendLink", "Revokes the pending links and mails new ones: the reviewer's in review, unreported tasks' report links in progress (admin key)", [202, 401, 403, 404, 409]),
        new("GET", Dashboard, "GetDashboard", "The admin dashboard page (asks for the admin key; never in a URL)", [200]),
        new("GET", AdminApplications, "ListApplications", "Applications newest first, filtered and paged (admin key)", [200, 400, 401, 403]),
        new("GET", AdminApplicationsCsv, "ExportApplications", "The filtered list as CSV, UTF-8 with a BOM (admin key)", [200, 400, 401, 403]),
        new("GET", AdminApplication, "GetAdminApplication", "One application with its orchestration, history, audit trail and pending links (admin key)", [200, 401, 403, 404]),
        new("GET", AdminDocument, "DownloadDocumentForAdmin", "One of an application's documents, for the staff (admin key)", [200, 401, 403, 404]),
        new("GET", AdminReport, "DownloadReportForAdmin", "The file an expert sent with a task's report, for the staff (admin key)", [200, 401, 403, 404]),
        new("GET", Stats, "GetStats", "Counts by status, stage, mini-cluster, support type and week of submission (admin key)", [200, 401, 403]),
        new("POST", Retry, "RetryApplication", "Tries a Failed application's failed step again (admin key)", [202, 400, 401, 403, 404, 409, 413, 415]),
        new("POST", Suspend, "SuspendApplication", "Pauses an application's workflow (admin key)", [202, 400, 401, 403, 404, 409, 413, 415]),
        new("POST", Resume, "ResumeApplication", "Resumes a paused workflow (admin key)", [202, 400, 401, 403, 404, 409, 413, 415]),
        new("DELETE", History, "PurgeHistory", "Purges an ended application's orchestration history (admin key)", [204, 401, 403, 404, 409]),
        new("POST", Terminate, "TerminateApplication", "Stops an application for good, giving back what it holds (admin key)", [202, 400, 401, 403, 404, 409, 413, 415]),
        new("POST", Assign, "AssignTask", "Gives an Unmatched task to an expert (admin key)", [202, 400, 401, 403, 404, 409, 413, 415]),
        new("GET", Experts, "ListExperts", "The expert pool (admin key)", [200, 401, 403]),
        new("POST", Experts, "CreateExpert", "Adds an expert (admin key)", [201, 400, 401, 403, 409, 413, 415]),
        new("GET", Expert, "GetExpert", "One expert (admin key)", [200, 401, 403, 404]),
        new("PUT", Expert, "UpdateExpert", "Changes an expert (admin key)", [200, 400, 401, 403, 404, 409, 413, 415]),
        new("DELETE", Expert, "DeleteExpert", "Removes an expert without active assignments (admin key)", [204, 401, 403, 404, 409]),
        new("GET", Calls, "ListCalls", "Calls for applications, each with its window and budget (admin key)", [200, 401, 403]),
        new("POST", Calls, "CreateCall", "Opens a call for applications: programme, title, window, budget (admin key)", [201, 400, 401, 403, 409, 413, 415]),
        new("GET", Call, "GetCall", "One call with its budget committed, spent and left (admin key)", [200, 401, 403, 404]),
        new("PUT", Call, "UpdateCall", "Changes a call, or closes it now (admin key)", [200, 400, 401, 403, 404, 409, 413, 415]),
        new("GET", Outcomes, "GetOutcomes", "The outcome report of a call (callId=) or of the calls opened in a year (year=), from stored facts (admin key)", [200, 400, 401, 403, 404]),
        new("GET", OutcomesXlsx, "ExportOutcomes", "The outcome report as a spreadsheet, one sheet per table (admin key)", [200, 400, 401, 403, 404]),
        new("GET", Reviewers, "ListReviewers", "The reviewer pool (admin key)", [200, 401, 403]),
        new("POST", Reviewers, "CreateReviewer", "Adds a reviewer (admin key)", [201, 400, 401, 403, 409, 413, 415]),
        new("GET", Reviewer, "GetReviewer", "One reviewer (admin key)", [200, 401, 403, 404]),
        new("PUT", Reviewer, "UpdateReviewer", "Changes a reviewer (admin key)", [200, 400, 401, 403, 404, 409, 413, 415]),
        new("DELETE", Reviewer, "DeleteReviewer", "Removes a reviewer without pending reviews (admin key)", [204, 401, 403, 404, 409]),
    ];
}
