using System.Diagnostics;
using System.Globalization;
using Coalition.BrowserTests.Infrastructure;
using Coalition.Data.Entities;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>
/// Registration for an event as visitors on phones with JavaScript switched off do it (issue 12): a plain form post,
/// the confirmation page, the e-mail with the private cancel link, the waiting list, and the promotion when someone
/// cancels, checked in the browser, in the pickup folder's e-mails and in the database.
/// </summary>
public sealed class EventJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    private const string Language = "ru";

    private static BrowserNewContextOptions NoScriptPhone() => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        IsMobile = true,
        HasTouch = true,
        JavaScriptEnabled = false,
    };

    [SkippableFact]
    public async Task Phone_visitors_without_JavaScript_register_cancel_by_the_mailed_link_and_the_person_waiting_is_promoted()
    {
        Skip.IfNot(PortalFixture.ChromiumAvailable, PortalFixture.SkipReason);
        var title = "Семинар по мониторингу мест лишения свободы " + Guid.NewGuid().ToString("N")[..6];
        var (_, slug) = await Portal.CreateEventAsync(title, capacity: 3, taken: 2);
        var (first, second) = ($"first-{slug}@example.org", $"second-{slug}@example.org");

        // The first visitor finds the event on the list, with its one place left.
        // Its used link answers 410 at the end, on purpose: the guard lets that through and the test checks it.
        var page = await (await NewContextAsync(NoScriptPhone(), allowHttpErrors: true)).NewPageAsync();
        await page.GotoAsync("/ru/events");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Events"));
        var card = page.Locator(".event-list li", new() { Has = page.Locator($"a[href='/ru/events/{slug}']") });
        await Expect(card).ToContainTextAsync(T("{0} of {1} places left", 1, 3));
        await card.Locator($"a[href='/ru/events/{slug}']").TapAsync();
        await page.WaitForURLAsync($"**/ru/events/{slug}");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".facts")).ToContainTextAsync(T("{0} of {1} places left", 1, 3));
        await AssertFitsThePhoneAsync(page);

        // Registers with a plain form post.
        await RegisterAsync(page, "Зарина Первая", first);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("You are registered"));
        await Expect(page.Locator("main .lead")).ToHaveTextAsync(T("You are registered for “{0}”.", title));
        var registered = await MailAsync(first, T("You are registered: {0}", title));
        Assert.DoesNotContain(second, registered.TextBody, StringComparison.Ordinal);
        var cancelLink = PickupMail.LinkTo(registered, "/ru/events/registration/cancel");
        Assert.Equal(Portal.BaseUrl.GetLeftPart(UriPartial.Authority), cancelLink.GetLeftPart(UriPartial.Authority));
        Assert.Equal(RegistrationStatus.Confirmed, await Portal.RegistrationStatusAsync(first));

        // A second visitor, on another phone, finds the event full and goes on the waiting list, number 1.
        var other = await NewPageAsync(NoScriptPhone());
        await other.GotoAsync($"/ru/events/{slug}");
        await Expect(other.Locator(".facts")).ToContainTextAsync(T("Full: waiting list"));
        await RegisterAsync(other, "Фаррух Второй", second, button: T("Join the waiting list"));
        await Expect(other.Locator("main h1")).ToHaveTextAsync(T("You are on the waiting list"));
        await Expect(other.Locator("main .lead")).ToContainTextAsync(T("You are on the waiting list for “{0}”, number {1}. If a place becomes free, we will write to you at once.", title, 1));
        var waiting = await MailAsync(second, T("You are on the waiting list: {0}", title));
        Assert.Contains(T("The event is full. You are on the waiting list, number {0}. If a place becomes free, we will write to you at once.", 1), waiting.TextBody, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Waiting, await Portal.RegistrationStatusAsync(second));

        // The first follows the link from their mail: a confirmation first (mail scanners open links), then the cancel.
        await page.GotoAsync(cancelLink.PathAndQuery);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Cancel your registration"));
        await Expect(page.Locator("main")).ToContainTextAsync(title);
        Assert.Equal(RegistrationStatus.Confirmed, await Portal.RegistrationStatusAsync(first));
        await page.Locator("main form button[type=submit]").TapAsync();
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(T("Your registration is cancelled. Thank you for letting us know. We have sent you an e-mail to confirm it."));
        await MailAsync(first, T("Your registration is cancelled: {0}", title));

        // The place goes to the person waiting, who is told by mail and is confirmed.
        var promoted = await MailAsync(second, T("A place is free for you: {0}", title));
        Assert.Contains(T("A place has become free, and it is yours: you are now registered for this event."), promoted.TextBody, StringComparison.Ordinal);
        PickupMail.LinkTo(promoted, "/ru/events/registration/cancel"); // their own new cancel link
        Assert.Equal(RegistrationStatus.Cancelled, await Portal.RegistrationStatusAsync(first));
        Assert.Equal(RegistrationStatus.Confirmed, await Portal.RegistrationStatusAsync(second));
        await other.GotoAsync($"/ru/events/{slug}");
        await Expect(other.Locator(".facts")).ToContainTextAsync(T("Full: waiting list"));

        // The used link says so.
        var used = await page.GotoAsync(cancelLink.PathAndQuery);
        Assert.Equal(410, used!.Status);
        await Expect(page.Locator("main [role=alert]")).ToHaveTextAsync(T("This registration is already cancelled: the link has been used."));
    }

    private static async Task RegisterAsync(IPage page, string name, string email, string? button = null)
    {
        await page.Locator("#Form_Name").FillAsync(name);
        await page.Locator("#Form_Email").FillAsync(email);
        await page.Locator("#Form_Consent").CheckAsync();
        var submit = page.Locator("form[action$='/register'] button[type=submit]");
        if (button is not null)
        {
            await Expect(submit).ToHaveTextAsync(button);
        }

        await submit.TapAsync();
        await page.WaitForURLAsync("**/register");
    }

    /// <summary>Nothing on the page is wider than the phone: no sideways scrolling.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"{page.Url} is {width} px wide on a 375 px phone");
    }

    /// <summary>The message to <paramref name="address"/> with that subject, waiting for it: mail goes out after the response.</summary>
    private async Task<MimeMessage> MailAsync(string address, string subject)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var file in Directory.Exists(Portal.MailFolder) ? Directory.GetFiles(Portal.MailFolder, "*.eml") : [])
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file);
                }
                catch (IOException)
                {
                    continue; // still being written
                }
                catch (FormatException)
                {
                    continue;
                }

                if (message.Subject == subject && message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    return message;
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"No e-mail \"{subject}\" to {address} in {Portal.MailFolder}.");
            }

            await Task.Delay(50);
        }
    }

    private string T(string key, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo("ru-RU"), Portal.Text(key, Language), args);
}
