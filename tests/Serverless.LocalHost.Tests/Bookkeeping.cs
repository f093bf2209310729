using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>What staff would check after a fault: no mail twice, no load or count left behind.</summary>
internal static class Bookkeeping
{
    /// <summary>Every mail about these applications went out once: no (recipient, subject) pair twice.</summary>
    public static async Task AssertEachMailOnceAsync(LocalHostProcess host, IReadOnlyList<string> receipts)
    {
        var mails = (await Mailbox.MessagesAsync(host)).Where(m => receipts.Any(r => m.Subject.Contains(r, StringComparison.Ordinal))).ToList();
        var doubled = mails.GroupBy(m => (To: string.Join(",", m.To), m.Subject)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Subject} to {g.Key.To} ×{g.Count()}");
        Assert.Empty(doubled);
        foreach (var receipt in receipts)
        {
            // Receipt, review request, offer, engagement, feedback request, completion: at least these six each.
            Assert.True(mails.Count(m => m.Subject.Contains(receipt, StringComparison.Ordinal)) >= 6, $"{receipt} lacks mail");
        }
    }

    /// <summary>Completed applications hold nothing: every expert's load and every reviewer's pending count is back to 0.</summary>
    public static async Task AssertPoolsGivenBackAsync(LocalHostProcess host, int tasks)
    {
        using var experts = await AdminApi.SendAsync(host, HttpMethod.Get, "/api/admin/experts");
        using var reviewers = await AdminApi.SendAsync(host, HttpMethod.Get, "/api/admin/reviewers");
        var expertList = await experts.Content.ReadFromJsonAsync<JsonElement>();
        var reviewerList = await reviewers.Content.ReadFromJsonAsync<JsonElement>();

        // The probes of each restart wait for their documents and hold nothing.
        Assert.All(expertList.EnumerateArray(), e => Assert.Equal(0, e.GetProperty("activeAssignments").GetInt32()));
        Assert.All(reviewerList.EnumerateArray(), r => Assert.Equal(0, r.GetProperty("pendingReviews").GetInt32()));
        Assert.Equal(tasks, expertList.EnumerateArray().Sum(e => e.GetProperty("totalAssignments").GetInt32()));
    }
}
