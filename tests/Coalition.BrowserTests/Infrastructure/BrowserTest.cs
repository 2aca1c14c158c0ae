using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test. Contexts come from <see cref="NewContextAsync"/>, which skips the test when Chromium
/// is missing and puts a <see cref="RequestGuard"/> on the context; after the test the contexts are closed and any
/// request to another host (or other browser-side error) fails it.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract partial class BrowserTest(PortalFixture portal, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Russian is the site's default language; the tests browse as a Russian-speaking visitor unless they say otherwise.</summary>
    public const string DefaultLocale = "ru-RU";

    private readonly List<(IBrowserContext Context, RequestGuard Guard)> _contexts = [];

    protected PortalFixture Portal => portal;

    protected ITestOutputHelper Output => output;

    /// <summary>A fresh context (own cookies and storage) with the portal as base URL.</summary>
    /// <param name="options">Options of the context; the base URL and the locale are filled in when not set.</param>
    /// <param name="allowHttpErrors">
    /// For a test that expects an error status and checks the statuses itself: the guard then ignores HTTP errors
    /// and Chromium's console messages about them (everything else, such as other hosts and script errors, still fails).
    /// </param>
    /// <param name="alsoAllowed">Origins besides the portal's that the test itself answers with <c>RouteAsync</c> (the quick exit's neutral site).</param>
    protected async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null, bool allowHttpErrors = false, IReadOnlyCollection<Uri>? alsoAllowed = null)
    {
        Skip.IfNot(PortalFixture.ChromiumAvailable, PortalFixture.SkipReason);
        options ??= new BrowserNewContextOptions();
        options.BaseURL ??= portal.BaseUrl.ToString();
        options.Locale ??= DefaultLocale;
        var context = await portal.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        _contexts.Add((context, new RequestGuard(context, portal.BaseUrl, allowHttpErrors, alsoAllowed)));
        return context;
    }

    /// <summary>A page in a new context.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits for the admin dashboard.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(AdminDashboardUrl());
    }

    /// <summary>The path and query of the page's current URL.</summary>
    protected static string PathOf(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new Uri(page.Url).PathAndQuery;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Closing flushes the events still on their way from the browser.
        foreach (var (context, _) in _contexts)
        {
            await context.CloseAsync();
        }

        var problems = _contexts.SelectMany(c => c.Guard.Problems).ToList();
        var requests = _contexts.Sum(c => c.Guard.Requests.Count);
        if (_contexts.Count > 0)
        {
            output.WriteLine($"{requests} browser requests, all checked against {portal.BaseUrl}.");
        }

        if (problems.Count > 0)
        {
            Assert.Fail("The browser saw problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }
    }

    [GeneratedRegex(@"/admin/?$")]
    protected static partial Regex AdminDashboardUrl();
}
