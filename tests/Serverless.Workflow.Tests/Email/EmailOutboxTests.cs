using Serverless.Testing;
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

    EmailOutbox Outbox => new(storage, sender, TimeProvider.System);

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
    public async Task SendOnce_FailingAfterTheServiceMayHaveTakenIt_IsNotSentAgain()
    {
        sender.FailNext = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely");
        await Assert.ThrowsAsync<HttpRequestException>(() => Outbox.SendOnceAsync("app6", "receipt", Mail, CancellationToken.None));

        Assert.False(await Outbox.SendOnceAsync("app6", "receipt", Mail, CancellationToken.None));
        Assert.Empty(sender.Sent);
    }

    sealed class RecordingSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public bool RefuseNext { get; set; }

        public Exception? FailNext { get; set; }

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

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
