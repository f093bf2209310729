using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SendGrid;
using Serverless.Workflow.Email;
using Xunit;

namespace Serverless.Workflow.Tests.Email;

/// <summary>The real SendGrid client over an HTTP handler that answers as SendGrid does when it throttles, fails or refuses.</summary>
public sealed class SendGridEmailSenderTests
{
    static readonly EmailMessage Mail = new(["ceo@example.com"], "[GS-2026-00001] 접수", "text", "<p>html</p>");

    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Throttled_WaitsAsLongAsRetryAfterAsks_ThenSends()
    {
        var sendGrid = new ScriptedSendGrid(clock, Answer(HttpStatusCode.TooManyRequests, retryAfter: 7), Answer(HttpStatusCode.Accepted));

        await RunAsync(Sender(sendGrid).SendAsync(Mail, CancellationToken.None));

        Assert.Equal(2, sendGrid.RequestTimes.Count);
        Assert.True(sendGrid.RequestTimes[1] - sendGrid.RequestTimes[0] >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task ServerErrorsEveryTime_AreNotSent_AfterTheConfiguredAttempts()
    {
        var sendGrid = new ScriptedSendGrid(clock, Answer(HttpStatusCode.ServiceUnavailable));

        await Assert.ThrowsAsync<EmailNotSentException>(() => RunAsync(Sender(sendGrid).SendAsync(Mail, CancellationToken.None)));

        Assert.Equal(3, sendGrid.RequestTimes.Count);
    }

    [Fact]
    public async Task ThrottledForLongerThanASendWaits_IsLeftToTheActivitysRetries()
    {
        var sendGrid = new ScriptedSendGrid(clock, Answer(HttpStatusCode.TooManyRequests, retryAfter: 600));

        await Assert.ThrowsAsync<EmailNotSentException>(() => RunAsync(Sender(sendGrid).SendAsync(Mail, CancellationToken.None)));

        Assert.Single(sendGrid.RequestTimes);
    }

    [Fact]
    public async Task AnAddressRefused_IsARejectionForGood_WithSendGridsReason()
    {
        var sendGrid = new ScriptedSendGrid(clock, Answer(
            HttpStatusCode.BadRequest, body: """{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email"}]}"""));

        var rejected = await Assert.ThrowsAsync<EmailRejectedException>(() => RunAsync(Sender(sendGrid).SendAsync(Mail, CancellationToken.None)));

        Assert.Contains("400", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("Does not contain a valid address.", rejected.Message, StringComparison.Ordinal);
        Assert.Single(sendGrid.RequestTimes);
    }

    SendGridEmailSender Sender(ScriptedSendGrid sendGrid) => new(
        new SendGridClient(new HttpClient(sendGrid), new SendGridClientOptions { ApiKey = "SG.test", Host = "http://sendgrid.test" }),
        Options.Create(new EmailOptions { SendGridApiKey = "SG.test", FromAddress = "noreply@namdong-cluster.local" }),
        clock);

    /// <summary>Lets the fake clock run while the send waits, as real time would.</summary>
    async Task RunAsync(Task sending)
    {
        while (!sending.IsCompleted)
        {
            await Task.Delay(5);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await sending;
    }

    static Func<HttpResponseMessage> Answer(HttpStatusCode status, int? retryAfter = null, string body = "") => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        if (retryAfter is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    };

    /// <summary>Answers with the script in turn (the last answer again once it runs out) and notes when each request came.</summary>
    sealed class ScriptedSendGrid(TimeProvider clock, params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<DateTimeOffset> RequestTimes { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestTimes.Add(clock.GetUtcNow());
            return Task.FromResult(answers[Math.Min(RequestTimes.Count, answers.Length) - 1]());
        }
    }
}
