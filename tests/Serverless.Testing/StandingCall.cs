using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Storage;

namespace Serverless.Testing;

/// <summary>
/// An open call for every programme of a test host, so that its tests can apply (intake takes applications only
/// inside an open call). Written through the calls' own store, as an admin's <c>POST /api/admin/calls</c> would be,
/// once the host has made its tables; a programme that has a call already is left as it is.
/// </summary>
public static class StandingCall
{
    /// <summary>Far above any plan's programme share, so that no test but the budget's meets the budget.</summary>
    public const long BudgetKrw = 900_000_000_000;

    public static async Task OpenAsync(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.TryGetValue("Storage:ConnectionString", out var connection) || !settings.TryGetValue("Storage:TablePrefix", out var prefix))
        {
            return; // a host on storage of its own making, which its test sets up itself
        }

        const string Key = "Intake:Programmes:";
        var intake = new IntakeOptions();
        foreach (var (key, code) in settings.Where(s => s.Key.StartsWith(Key, StringComparison.Ordinal)))
        {
            intake.Programmes[key[Key.Length..]] = code;
        }

        var storage = new WorkflowStorage(
            new TableServiceClient(connection), new BlobServiceClient(connection), Options.Create(new StorageOptions { ConnectionString = connection, TablePrefix = prefix }));
        var calls = new CallStore(storage);
        var existing = await calls.ListAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        foreach (var programme in intake.Programmes.Keys.Where(p => !existing.Any(call => call.Programme == p)))
        {
            var request = new CallRequest(
                programme, new CallTitle("상시 모집 (시험)", "Standing call (tests)"), now.AddDays(-1), now.AddDays(30), BudgetKrw,
                MiniClusters: null, MaxApplications: null, CloseNow: null);
            var (call, errors) = CallValidator.Validate(request, existing: null, taken: 0, intake, now);
            if (call is null)
            {
                throw new InvalidOperationException($"The standing call is invalid: {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }

            await calls.SaveAsync(call, isNew: true, CancellationToken.None);
        }
    }
}
