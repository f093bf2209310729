using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Serverless.Testing;

namespace Serverless.LocalHost.Tests;

/// <summary>What a person does with the local host's mailbox page (GET /dev/mailbox): finds a mail and clicks its link.</summary>
internal static class MailboxInBrowser
{
    /// <summary>
    /// Opens the mailbox until a mail about the receipt number with one of the subjects carries a link to
    /// <paramref name="linkPart"/> that is none of <paramref name="clicked"/>, clicks it, and adds it to them.
    /// </summary>
    public static async Task ClickAsync(IPage page, LocalHostProcess host, string receiptNumber, string[] subjects, string linkPart, ISet<string> clicked)
    {
        var mailbox = new Uri(host.BaseAddress, "/dev/mailbox").ToString();
        var subject = new Regex($"{Regex.Escape(receiptNumber)}.*({string.Join('|', subjects.Select(Regex.Escape))})|({string.Join('|', subjects.Select(Regex.Escape))}).*{Regex.Escape(receiptNumber)}");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            await page.GotoAsync(mailbox);
            var links = page.Locator("article", new PageLocatorOptions { Has = page.Locator("h2", new PageLocatorOptions { HasTextRegex = subject }) })
                .Locator($"a[href*='{linkPart}']");
            foreach (var link in await links.AllAsync())
            {
                var href = (await link.GetAttributeAsync("href"))!;
                if (clicked.Add(href))
                {
                    await link.ClickAsync();
                    return;
                }
            }

            await Task.Delay(500);
        }

        var seen = await page.Locator("article h2").AllInnerTextsAsync();
        throw new TimeoutException($"No new mail '{subjects[0]}' for {receiptNumber} in the mailbox, which holds:\n{string.Join('\n', seen)}");
    }
}
