using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (the copy bundled with Deque.AxeCore.Commons) run in the page with <c>axe.run(document)</c>.
/// Deque.AxeCore.Playwright's <c>RunAxe</c> runs each frame with <c>axe.runPartial</c> and then opens a blank page to
/// finish the run, which costs about a second a page here against some 50 ms for axe itself; that machinery is for
/// pages that embed frames from other origins, and the portal's pages have no frames at all (its CSP allows none from
/// elsewhere). The rules, and the result type, are the same. Should a page ever embed a frame, use <c>RunAxe</c> there.
/// </summary>
internal static class AxeRunner
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Runs axe on the whole page; the passes list each rule with one example node only, to keep it quick.</summary>
    public static async Task<AxeResult> RunAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(page.Frames.Count == 1, $"{page.Url} has frames: run Deque.AxeCore.Playwright's RunAxe on it, which checks frames.");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            // Evaluated through the DevTools protocol, as the Deque packages do: the page's Content-Security-Policy does not apply.
            await page.EvaluateAsync(Script.Value);
        }

        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify(await axe.run(document, { resultTypes: ['violations'] }))");
        return new AxeResult(JObject.Parse(json));
    }
}
