using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Email;

/// <summary>The Outbox on real Table storage, with a sender that records what it was asked to send.</summary>
[Collection(AzuriteTests.Name)]
public sealed class EmailOutboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly EmailMessage Mail = new(["ceo@example.com"], "[GS-2026-00001] 접수", "text", "<p>html</p>");

    readonly WorkflowStorage storage = azurite.Storage();

    readonly RecordingSender sender = new();

    static readonly EmailOptions Options = new()
    {
        FromAddress = "noreply@namdong-cluster.local",
        PublicBaseUrl = new Uri("http://127.0.0.1:7071"),
        AdminAddresses = ["staff@namdong-cluster.local"],
    };

    ApplicationStore Applications => new(storage);

    readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    EmailOutbox Outbox => new(storage, sender, Applications, Microsoft.Extensions.Options.Options.Create(Options), clock, NullLogger<EmailOutbox>.Instance);

    /// <summary>Longer than a send can take with the default options (3 tries, Retry-After up to 30 s each).</summary>
    static readonly TimeSpan PastTheLongestSend = TimeSpan.FromMinutes(3);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SendOnce_AskedAgainForTheSameIntent_SendsOnlyOnce()
    {
        Assert.True(await Outbox.SendOnceAsync("app1", "receipt", Mail, CancellationToken.None));
        Assert.False(await Outbox.SendOnceAsync("app1", "receipt", Mail, CancellationToken.None));

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task SendOnce_DifferentIntents_AreEachSent()
    {
        await Outbox.SendOnceAsync("app2", "receipt", Mail, CancellationToken.None);
        await Outbox.SendOnceAsync("app2", "reminder", Mail, CancellationToken.None);
        await Outbox.SendOnceAsync("app3", "receipt", Mail, CancellationToken.None);

        Assert.Equal(3, sender.Sent.Count);
    }

    [Fact]
    public async Task SendOnceComposing_ComposesOnlyForTheFirstAttempt()
    {
        var composed = 0;
        Task<EmailMessage> Compose(CancellationToken _)
        {
            composed++;
            return Task.FromResult(Mail);
        }

        Assert.True(await Outbox.SendOnceAsync("app6", "review-0-request", Compose, CancellationToken.None));
        Assert.False(await Outbox.SendOnceAsync("app6", "review-0-request", Compose, CancellationToken.None));

        Assert.Equal(1, composed); // a retry issues no second link
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task SendOnceComposing_WhenComposingFails_NothingIsSent_AndTheRetryComposesAgain()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Outbox.SendOnceAsync(
            "app7", "review-0-request", _ => throw new InvalidOperationException("storage hiccup"), CancellationToken.None));

        Assert.True(await Outbox.SendOnceAsync("app7", "review-0-request", _ => Task.FromResult(Mail), CancellationToken.None));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task SendOnce_RefusedByTheService_IsSentByTheRetry()
    {
        sender.RefuseNext = true;
        await Assert.ThrowsAsync<EmailNotSentException>(() => Outbox.SendOnceAsync("app4", "receipt", Mail, CancellationToken.None));

        Assert.True(await Outbox.SendOnceAsync("app4", "receipt", Mail, CancellationToken.None));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task SendOnce_ServiceNeverReached_IsSentByTheRetry()
    {
        sender.FailNext = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
        await Assert.ThrowsAsync<HttpRequestException>(() => Outbox.SendOnceAsync("app5", "receipt", Mail, CancellationToken.None));

        Assert.True(await Outbox.SendOnceAsync("app5", "receipt", Mail, CancellationToken.None));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task SendOnce_FailingAfterTheServiceMayHaveTakenIt_IsNotSentAgain_TheStaffAreToldToMakeSure()
    {
        var id = await NewApplicationAsync("GS-2026-00043", "ceo@example.com");
        sender.FailNext = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely");
        await Assert.ThrowsAsync<HttpRequestException>(() => Outbox.SendOnceAsync(id, "receipt", Mail, CancellationToken.None));

        // While another attempt could still be in SendGrid's hands, the retry does not decide: it fails and looks again.
        await Assert.ThrowsAsync<EmailNotSentException>(() => Outbox.SendOnceAsync(id, "receipt", Mail, CancellationToken.None));
        Assert.Empty(sender.Sent);

        clock.Advance(PastTheLongestSend);
        Assert.False(await Outbox.SendOnceAsync(id, "receipt", Mail, CancellationToken.None));
        Assert.False(await Outbox.SendOnceAsync(id, "receipt", Mail, CancellationToken.None));

        var notice = Assert.Single(sender.Sent);
        Assert.Equal(["staff@namdong-cluster.local"], notice.To);
        Assert.Contains("메일 발송 확인 필요", notice.Subject, StringComparison.Ordinal);
        Assert.Contains(Mail.Subject, notice.Text, StringComparison.Ordinal);
        Assert.Contains("ceo@example.com", notice.Text, StringComparison.Ordinal);
        Assert.Single(await Applications.EventsAsync(id, CancellationToken.None), e => e.Type == "MailUncertain");
    }

    [Fact]
    public async Task SendOnce_AfterAHostDiedComposing_TheRerunSendsIt()
    {
        // What a host killed between claiming and handing the mail over leaves: a claim that never reached SendGrid.
        await storage.Outbox.AddEntityAsync(new OutboxEntity { PartitionKey = "app8", RowKey = "engagement-T1", ClaimedAt = DateTimeOffset.UtcNow });

        Assert.True(await Outbox.SendOnceAsync("app8", "engagement-T1", Mail, CancellationToken.None));
        Assert.False(await Outbox.SendOnceAsync("app8", "engagement-T1", Mail, CancellationToken.None));
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task SendOnce_AfterAHostDiedHandingItOver_IsNotSentAgain_TheStaffAreToldOnce()
    {
        // The host died while SendGrid had the mail: it may have gone out, so it is not sent a second time.
        var id = await NewApplicationAsync("GS-2026-00044", "ceo@example.com");
        await storage.Outbox.AddEntityAsync(new OutboxEntity
        {
            PartitionKey = id, RowKey = "Engagement-T2", To = "expert@example.com", Subject = "[GS-2026-00044] 과제 수행 및 결과 보고 안내 (T2)",
            ClaimedAt = clock.GetUtcNow(), SendingAt = clock.GetUtcNow(),
        });
        clock.Advance(PastTheLongestSend);

        var reruns = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Outbox.SendOnceAsync(id, "Engagement-T2", Mail, CancellationToken.None)));

        Assert.All(reruns, Assert.False);
        var notice = Assert.Single(sender.Sent);
        Assert.Contains("expert@example.com", notice.Text, StringComparison.Ordinal);
        Assert.Contains("링크 재발송", notice.Text, StringComparison.Ordinal);

        // Named by its intent, not by the mail's subject: a search of the mailbox for that mail must not find the notice.
        Assert.EndsWith("메일 발송 확인 필요 (Engagement-T2)", notice.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("과제 수행 및 결과 보고 안내", notice.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendOnce_TwoRerunsTakingOverOneClaimAtOnce_SendItOnce()
    {
        await storage.Outbox.AddEntityAsync(new OutboxEntity { PartitionKey = "app10", RowKey = "offer-T1-1", ClaimedAt = DateTimeOffset.UtcNow });

        // A rerun that finds another one handing the mail over fails for now (its retry looks again later).
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return await Outbox.SendOnceAsync("app10", "offer-T1-1", Mail, CancellationToken.None) ? "sent" : "not sent";
            }
            catch (EmailNotSentException)
            {
                return "later";
            }
        }));

        Assert.Single(results, result => result == "sent");
        Assert.Single(sender.Sent);
        Assert.False(await Outbox.SendOnceAsync("app10", "offer-T1-1", Mail, CancellationToken.None));
    }

    [Fact]
    public async Task SendOnce_AddressRefusedForGood_IsRecordedOnTheApplication_TheStaffAreTold_AndNothingIsRetried()
    {
        var id = await NewApplicationAsync("GS-2026-00042", "nobody@invalid.example");
        sender.RejectTo = "nobody@invalid.example";
        var receipt = Mail with { To = ["nobody@invalid.example"] };

        Assert.False(await Outbox.SendOnceAsync(id, "receipt", receipt, CancellationToken.None));
        Assert.False(await Outbox.SendOnceAsync(id, "receipt", receipt, CancellationToken.None));

        var notice = Assert.Single(sender.Sent);
        Assert.Equal(["staff@namdong-cluster.local"], notice.To);
        Assert.Contains("GS-2026-00042", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("nobody@invalid.example", notice.Text, StringComparison.Ordinal);
        Assert.Contains("does not contain a valid address", notice.Text, StringComparison.Ordinal);
        var recorded = Assert.Single(await Applications.EventsAsync(id, CancellationToken.None), e => e.Type == "MailRejected");
        Assert.Contains("receipt", recorded.Note, StringComparison.Ordinal);
        Assert.Equal(1, sender.Rejected);
    }

    async Task<string> NewApplicationAsync(string receiptNumber, string firmEmail)
    {
        var id = ApplicationIds.New();
        await Applications.CreateAsync(new ApplicationEntity
        {
            PartitionKey = id, ReceiptNumber = receiptNumber, FirmName = "남동정밀(주)", BusinessRegistrationNumber = "124-81-00998",
            FirmEmail = firmEmail, SubmittedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        return id;
    }

    sealed class RecordingSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public bool RefuseNext { get; set; }

        public Exception? FailNext { get; set; }

        /// <summary>An address the service refuses for good, as SendGrid answers 400 for an invalid one.</summary>
        public string? RejectTo { get; set; }

        public int Rejected { get; private set; }

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (RefuseNext)
            {
                RefuseNext = false;
                throw new EmailNotSentException("SendGrid answered 503.");
            }

            if (FailNext is { } failure)
            {
                FailNext = null;
                throw failure;
            }

            if (message.To.Contains(RejectTo))
            {
                Rejected++;
                throw new EmailRejectedException("SendGrid answered 400 BadRequest. does not contain a valid address");
            }

            lock (Sent)
            {
                Sent.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
