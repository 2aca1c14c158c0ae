using System.Text;
using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Coalition.Web.Features.Publishing;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>
/// The editor's desk (issue 16): writing with the toolbar and the server's preview, pictures from the media picker,
/// autosave, the admin on a 375 px phone, and axe on the new screens. The same article can be written without JavaScript.
/// </summary>
public sealed partial class DeskJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    private static BrowserNewContextOptions Wide => new() { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } };

    private static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 740 },
        IsMobile = true,
        HasTouch = true,
    };

    [SkippableFact]
    public async Task With_JavaScript_an_editor_formats_inserts_an_image_from_the_picker_sees_it_in_the_preview_and_publishes()
    {
        var tag = Tag();
        var title = $"Desk article {tag}";
        var alt = $"Lawyers outside the court {tag}";
        var page = await NewPageAsync(Wide);
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        await page.GotoAsync("/admin/news/create?culture=en");
        await Expect(page.Locator(".editor-toolbar")).ToBeVisibleAsync();

        // Toolbar and shortcuts write the Markdown.
        await page.Locator("#Title").FillAsync(title);
        var body = page.Locator("#Body");
        await body.FillAsync("The hearing was postponed");
        await body.PressAsync("Control+A");
        await page.Locator(".editor-toolbar button[data-md=bold]").ClickAsync();
        await Expect(body).ToHaveValueAsync("**The hearing was postponed**");
        await body.PressAsync("End");
        await body.PressAsync("Enter");
        await body.PressAsync("Enter");
        await body.PressSequentiallyAsync("Lawyers were present");
        await body.PressAsync("Control+Shift+Digit8");
        await Expect(body).ToHaveValueAsync("**The hearing was postponed**\n\n- Lawyers were present");

        // Insert image: upload in place, with the alt text of the article's language.
        await body.PressAsync("Control+End");
        await page.Locator(".editor-toolbar button[data-md=image]").ClickAsync();
        var picker = page.Locator("dialog.picker");
        await Expect(picker).ToBeVisibleAsync();
        await picker.Locator("summary").ClickAsync();
        await picker.Locator("#picker-file").SetInputFilesAsync(new FilePayload { Name = $"desk-{tag}.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await picker.Locator("#picker-AltEn").FillAsync(alt);
        await picker.Locator("button[data-upload]").ClickAsync();
        await Expect(picker).ToBeHiddenAsync();
        await Expect(body).ToHaveValueAsync(new Regex(@"- Lawyers were present\n\n!\[" + Regex.Escape(alt) + @"\]\(/media/[a-f0-9]{32}-\d+\.jpg\)$"));

        // The same image again, chosen from the list: the picker shows which languages lack its alt text.
        await page.Locator(".editor-toolbar button[data-md=image]").ClickAsync();
        await picker.Locator("#picker-q").FillAsync($"desk-{tag}");
        var tile = picker.Locator(".picker-tile", new() { HasText = $"desk-{tag}.jpg" });
        await Expect(tile).ToHaveCountAsync(1);
        await Expect(tile.Locator(".alt-missing")).ToHaveCountAsync(2);
        await Expect(tile.Locator(".alt-ok")).ToContainTextAsync("EN");
        await tile.Locator("button.picker-choose").ClickAsync();
        await Expect(picker).ToBeHiddenAsync();
        Assert.Equal(2, Regex.Matches(await body.InputValueAsync(), @"!\[").Count);

        // The preview beside the text is the server's rendering.
        var preview = page.Locator(".editor-preview");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview.Locator("strong")).ToHaveTextAsync("The hearing was postponed");
        await Expect(preview.Locator("li")).ToHaveTextAsync("Lawyers were present");
        await Expect(preview.Locator("img").First).ToHaveAttributeAsync("alt", alt);
        await Expect(preview.Locator("img").First).ToHaveAttributeAsync("srcset", new Regex("/media/"));
        Assert.True(await preview.Locator("img").First.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "the preview should show the image");

        await page.Locator("button[name=action][value=publish]").ClickAsync();
        await page.WaitForURLAsync(EditUrl());
        var slug = await page.Locator("#Slug").InputValueAsync();

        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync($"/en/news/{slug}");
        await Expect(visitor.Locator(".prose strong")).ToHaveTextAsync("The hearing was postponed");
        await Expect(visitor.Locator(".prose img").First).ToHaveAttributeAsync("alt", alt);
    }

    [SkippableFact]
    public async Task Without_JavaScript_an_editor_writes_and_publishes_an_article_with_an_image()
    {
        var tag = Tag();
        var title = $"Plain form article {tag}";
        var alt = $"Тасвири суд {tag}";
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);

        await page.GotoAsync("/admin/media");
        var upload = page.Locator("form[action='/admin/media/upload']");
        await upload.Locator("#File").SetInputFilesAsync(new FilePayload { Name = $"plain-{tag}.jpg", MimeType = "image/jpeg", Buffer = Jpeg() });
        await upload.Locator("#AltTg").FillAsync(alt);
        await upload.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/admin/media/(\d+)$"));
        var snippet = await page.Locator("#snippet-tg").InputValueAsync();

        await page.GotoAsync("/admin/news/create?culture=tg");
        await Expect(page.Locator(".editor-toolbar")).ToHaveCountAsync(0);
        await page.Locator("#Title").FillAsync(title);
        await page.Locator("#Body").FillAsync($"Матни мақола {tag}.\n\n{snippet}");
        await page.Locator("button[name=action][value=publish]").ClickAsync();
        await page.WaitForURLAsync(EditUrl());
        var slug = await page.Locator("#Slug").InputValueAsync();

        await page.GotoAsync($"/tg/news/{slug}");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".prose img")).ToHaveAttributeAsync("alt", alt);
    }

    [SkippableFact]
    public async Task Autosave_survives_a_reload_and_is_offered_back()
    {
        var tag = Tag();
        var page = await NewPageAsync(Wide);
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        var id = await CreateDraftAsync(page, $"Autosaved draft {tag}");

        var typed = $"Text typed just before the tab closed {tag}.";
        await page.Locator("#Body").FillAsync(typed);
        await Expect(page.Locator(".editor-status")).ToContainTextAsync(Portal.Text("Autosaved at {0}.", "ru").Split("{0}")[0].Trim());
        await page.ReloadAsync();

        var offer = page.Locator(".autosave-offer");
        await Expect(offer).ToBeVisibleAsync();
        await Expect(page.Locator("#Body")).Not.ToHaveValueAsync(typed);
        await offer.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/admin/news/{id}/edit?autosave=true");
        await Expect(page.Locator("#Body")).ToHaveValueAsync(typed);
        await page.Locator("button[name=action][value=draft]").ClickAsync();
        await page.WaitForURLAsync($"**/admin/news/{id}/edit");
        await Expect(page.Locator("#Body")).ToHaveValueAsync(typed);
        await Expect(page.Locator(".autosave-offer")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task When_the_server_cannot_be_reached_autosave_keeps_the_text_in_the_browser_and_offers_it_after_a_reload()
    {
        var tag = Tag();
        // The refused autosave answers 503 on purpose: the guard lets that status pass, and still fails on anything else.
        var context = await NewContextAsync(Wide, allowHttpErrors: true);
        var page = await context.NewPageAsync();
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        var id = await CreateDraftAsync(page, $"Offline draft {tag}");
        await page.RouteAsync("**/autosave", route => route.FulfillAsync(new RouteFulfillOptions { Status = 503, Body = "" }));

        var typed = $"Written on a train without signal {tag}.";
        await page.Locator("#Body").FillAsync(typed);
        await Expect(page.Locator(".editor-status")).ToHaveTextAsync(Portal.Text("The server cannot be reached. Your text is kept in this browser and offered again when you come back.", "ru"));
        await page.UnrouteAllAsync();
        await page.ReloadAsync();

        var offer = page.Locator(".local-offer");
        await Expect(offer).ToBeVisibleAsync();
        await offer.Locator("button[data-choice=restore]").ClickAsync();
        await Expect(page.Locator("#Body")).ToHaveValueAsync(typed);
        await Expect(offer).ToHaveCountAsync(0);
        Assert.Contains($"/admin/news/{id}/edit", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Every_admin_page_fits_a_375_px_screen()
    {
        var page = await AdministratorPageAsync(Phone());
        var paths = await AdminPagesAsync(page);
        var tooWide = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"GET {path} answered {response?.Status}");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Output.WriteLine($"{path}: {width} px");
            if (width > 375)
            {
                // Name the culprits: the innermost elements that reach past the screen's right edge.
                var culprits = await page.EvaluateAsync<string>(
                    "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 376 && ![...e.children].some(c => c.getBoundingClientRect().right > 376)).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ')");
                tooWide.Add($"{path} is {width} px wide ({culprits})");
            }
        }

        Assert.True(paths.Count >= 15, $"only {paths.Count} admin pages were found: {string.Join(", ", paths)}");
        Assert.True(tooWide.Count == 0, "Pages wider than a 375 px phone:" + Environment.NewLine + string.Join(Environment.NewLine, tooWide));
    }

    [SkippableFact]
    public async Task Editor_picker_dashboard_audit_log_and_diff_have_no_serious_accessibility_violations()
    {
        var page = await AdministratorPageAsync(Wide);
        var report = new StringBuilder();

        report.Append(await AxeViolationsAsync(page));
        var id = await CreateDraftAsync(page, $"Axe draft {Tag()}");
        await page.Locator("#Body").FillAsync("Second version of the text.\n\nWith a **bold** word.");
        await page.Locator("button[name=action][value=draft]").ClickAsync();
        await page.WaitForURLAsync($"**/admin/news/{id}/edit");
        await Expect(page.Locator(".editor-preview strong")).ToHaveTextAsync("bold");
        report.Append(await AxeViolationsAsync(page));

        await page.Locator(".editor-toolbar button[data-md=image]").ClickAsync();
        await Expect(page.Locator("dialog.picker .picker-tile").First).ToBeVisibleAsync();
        report.Append(await AxeViolationsAsync(page));
        await page.Locator("dialog.picker button[data-close]").ClickAsync();

        await page.GotoAsync($"/admin/news/{id}/diff?from=1&to=2");
        await Expect(page.Locator(".diff-row.diff-changed, .diff-row.diff-added").First).ToBeVisibleAsync();
        report.Append(await AxeViolationsAsync(page));

        await page.GotoAsync("/admin/audit");
        await Expect(page.Locator(".table-wrap[role=region]")).ToBeVisibleAsync();
        report.Append(await AxeViolationsAsync(page));

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    [SkippableTheory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Editor_and_dashboard_screenshots_at_width(int width)
    {
        var options = width < 600 ? Phone() : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } };
        var page = await NewPageAsync(options);
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        Directory.CreateDirectory(ScreenshotTests.Folder);
        await ShootAsync(page, "desk-dashboard", width);

        // The current language's word sits on the same line as the others' (it used to sit about 5 px higher).
        var offset = await page.EvaluateAsync<double>(@"() => {
            const top = el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().top; };
            return top(document.querySelector('.lang-switcher [aria-current]')) - top(document.querySelector('.lang-switcher a'));
        }");
        Assert.True(Math.Abs(offset) < 1, $"the current language is {offset:0.#} px off the line of the others");

        await page.GotoAsync("/admin/news");
        await page.Locator("main a[href$='/edit']").First.ClickAsync();
        await page.WaitForURLAsync(EditUrl());
        await Expect(page.Locator(".editor-toolbar")).ToBeVisibleAsync();
        if (width < 600)
        {
            await page.Locator(".editor-tabs [data-tab=preview]").ClickAsync();
            await Expect(page.Locator(".editor-preview")).ToBeVisibleAsync();
            await Expect(page.Locator("#Body")).ToBeHiddenAsync();
            await ShootAsync(page, "desk-editor-preview", width);
            await page.Locator(".editor-tabs [data-tab=write]").ClickAsync();
        }

        await Expect(page.Locator("#Body")).ToBeVisibleAsync();
        await ShootAsync(page, "desk-editor", width);
    }

    private async Task ShootAsync(IPage page, string name, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{PathOf(page)} is {scrollWidth} px wide on a {width} px screen.");
        var file = Path.Combine(ScreenshotTests.Folder, $"{name}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Output.WriteLine(file);
    }

    /// <summary>Every admin page an Administrator can open: the menu, each content type's list, form, trash, history and diff, a media item, an account.</summary>
    private async Task<List<string>> AdminPagesAsync(IPage page)
    {
        var paths = new List<string> { "/admin", "/account", "/account/two-factor/recovery-codes" };
        await page.GotoAsync("/admin");
        paths.AddRange((await page.Locator("header nav a[href^='/admin']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))")).Distinct());
        foreach (var type in ContentTypes.All)
        {
            var list = $"/admin/{type.AdminSegment}";
            paths.Add(list);
            if (type.CanCreate)
            {
                paths.Add(list + "/create");
                paths.Add(list + "/trash");
            }

            await page.GotoAsync(list);
            var edits = page.Locator("main table a[href$='/edit']");
            if (await edits.CountAsync() == 0)
            {
                continue;
            }

            var edit = (await edits.First.GetAttributeAsync("href"))!;
            var item = edit[..^"/edit".Length];
            paths.AddRange([edit, item + "/history", item + "/preview"]);
            await page.GotoAsync(edit);
            var trash = page.Locator("main a[href$='/delete']");
            if (await trash.CountAsync() > 0)
            {
                paths.Add((await trash.First.GetAttributeAsync("href"))!);
            }

            await page.GotoAsync(item + "/history");
            var revisions = page.Locator("main a[href*='/revisions/']");
            if (await revisions.CountAsync() > 0)
            {
                paths.Add((await revisions.First.GetAttributeAsync("href"))!);
            }
        }

        // A diff with changes: a draft saved twice.
        var id = await CreateDraftAsync(page, $"Narrow diff {Tag()}");
        await page.Locator("#Body").FillAsync("A much longer second version of the text, with words that wrap on a phone screen: " + new string('x', 80));
        await page.Locator("button[name=action][value=draft]").ClickAsync();
        await page.WaitForURLAsync($"**/admin/news/{id}/edit");
        paths.Add($"/admin/news/{id}/diff?from=1&to=2");

        await page.GotoAsync("/admin/media");
        var media = await page.Locator(".media-tile a").First.GetAttributeAsync("href");
        paths.AddRange([media!, media + "/delete"]);
        await page.GotoAsync("/admin/accounts");
        var account = await page.Locator("main table a[href^='/admin/accounts/']").First.GetAttributeAsync("href");
        paths.AddRange([account!, "/admin/accounts/invite"]);
        return paths.Distinct().ToList();
    }

    /// <summary>Creates a draft news article in Russian through the form; returns its id with the edit page open.</summary>
    private static async Task<string> CreateDraftAsync(IPage page, string title)
    {
        await page.GotoAsync("/admin/news/create?culture=ru");
        await page.Locator("#Title").FillAsync(title);
        await page.Locator("#Body").FillAsync("First version of the text.");
        await page.Locator("button[name=action][value=draft]").ClickAsync();
        await page.WaitForURLAsync(EditUrl());
        return EditUrl().Match(PathOf(page)).Groups[1].Value;
    }

    // The Administrator signs in once per run: each code of the authenticator works once, and a code of the next
    // 30-second step only just; later tests reuse the signed-in cookies.
    private static string? _administratorState;

    /// <summary>A page signed in as the configured Administrator, with two-step sign-in.</summary>
    private async Task<IPage> AdministratorPageAsync(BrowserNewContextOptions options)
    {
        options.StorageState = _administratorState;
        var context = await NewContextAsync(options);
        var page = await context.NewPageAsync();
        if (_administratorState is not null)
        {
            await page.GotoAsync("/admin");
            return page;
        }

        var authenticator = await Portal.AdminAuthenticatorAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(PortalFixture.AdminEmail);
        await page.Locator("#Password").FillAsync(PortalFixture.AdminPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/login/two-factor");
        await page.Locator("#Code").FillAsync(authenticator.NextCode());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(AdminDashboardUrl());
        _administratorState = await context.StorageStateAsync();
        return page;
    }

    private async Task<string> AxeViolationsAsync(IPage page)
    {
        var result = await AxeRunner.RunAsync(page);
        var failing = (result.Violations ?? []).Where(v => v.Impact is "serious" or "critical").ToList();
        Output.WriteLine($"axe on {PathOf(page)}: {result.Violations?.Length ?? 0} violations, {failing.Count} serious or critical.");
        var text = new StringBuilder();
        foreach (var violation in failing)
        {
            text.AppendLine($"{PathOf(page)}: {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes ?? [])
            {
                text.AppendLine($"  - {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(640, 360);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x3C, 0xB9, 0xE8) })
        {
            canvas.Clear(new SKColor(0x5F, 0x3A, 0x1F));
            canvas.DrawRect(120, 60, 400, 240, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    [GeneratedRegex(@"/admin/news/(\d+)/edit$")]
    private static partial Regex EditUrl();
}
