using System.Net;
using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Mirror;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Coalition.IntegrationTests.Features.Mirror;

/// <summary>The demo site exported, served by a plain static server, and crawled as a visitor would.</summary>
public sealed partial class MirrorExporterTests(MirrorExporterTests.MirrorAppFactory app) : IClassFixture<MirrorExporterTests.MirrorAppFactory>, IDisposable
{
    private const string Live = "https://coalition.example.org/";
    private const string MirrorBase = "https://mirror.example.net/";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"coalition-mirror-{Guid.NewGuid():N}");

    [Fact]
    public async Task Export_DemoSite_StaticServerHasNoBrokenLinksNoOriginAndNoticesWhereFormsWere()
    {
        var result = await ExportAsync();

        Assert.Equal(0, result.Missing);
        Assert.True(result.Pages > 30, $"{result.Pages} pages");
        await using var server = await StaticServer.StartAsync(_folder);
        using var client = new HttpClient { BaseAddress = server.Address };
        var (pages, broken) = await CrawlAsync(client);

        Assert.Empty(broken);
        foreach (var culture in new[] { "ru", "tg", "en" })
        {
            Assert.Contains($"/{culture}/index.html", pages);
            Assert.Contains($"/{culture}/news/index.html", pages);
        }

        var articles = await app.QueryDbAsync(db => Task.FromResult(db.News.Where(n => n.Status == PublicationStatus.Published && n.DeletedUtc == null).Select(n => n.Culture + "/news/" + n.Slug).ToList()));
        foreach (var article in articles)
        {
            Assert.Contains($"/{article}/index.html", pages);
        }

        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Where(IsText))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("localhost", text, StringComparison.OrdinalIgnoreCase);
            // The head's canonical, hreflang and OpenGraph tags and the JSON-LD block name the live site on purpose: they
            // point search engines and link previews at the original, not at a mirror that may be gone tomorrow.
            var body = System.Text.RegularExpressions.Regex.Replace(text, "<(link|meta)\\b[^>]*>|<script type=\"application/ld\\+json\">.*?</script>", "",
                System.Text.RegularExpressions.RegexOptions.Singleline);
            foreach (Match url in AbsoluteUrl().Matches(XmlNamespace().Replace(body, ""))) // namespaces name no server
            {
                // The live site on purpose: the mirror notice, and pages that exist only live (a form page that is noindex
                // or no-store, such as the press alerts subscription or the legal-aid request), which the mirror has no copy of.
                // Other sites (the quick exit's neutral site, a campaign's video) are links out, not requests to the origin.
                var livePath = url.Value.StartsWith(Live, StringComparison.Ordinal) ? url.Value[Live.Length..].Split('?')[0] : null;
                Assert.True(livePath is null || livePath.Length == 0 || !File.Exists(Path.Combine(_folder, livePath, "index.html")),
                    $"{Path.GetRelativePath(_folder, file)} points at {url.Value}");
            }
        }

        var contacts = await File.ReadAllTextAsync(Path.Combine(_folder, "en", "contacts", "index.html"));
        Assert.DoesNotContain("<form", contacts, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("This is a mirror of the site: forms do not work here. The live site is at <a class=\"mirror-live\" href=\"https://coalition.example.org/\">coalition.example.org</a>.", contacts, StringComparison.Ordinal);
        var russian = await File.ReadAllTextAsync(Path.Combine(_folder, "ru", "contacts", "index.html"));
        Assert.Contains("Это зеркало сайта: формы здесь не работают.", russian, StringComparison.Ordinal);
        var sitemap = await File.ReadAllTextAsync(Path.Combine(_folder, "sitemap.xml"));
        Assert.Contains("<loc>https://mirror.example.net/en/news/</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://mirror.example.net/ru/about/</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://mirror.example.net/sitemap.xml", await File.ReadAllTextAsync(Path.Combine(_folder, "robots.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SecondRun_WritesOnlyWhatChanged()
    {
        var first = await ExportAsync();
        var again = await ExportAsync();
        Assert.Equal(0, again.Written);
        Assert.Equal(first.Files, again.Unchanged);

        var (id, slug) = await app.CreateNewsAsync($"Mirror news {Guid.NewGuid():N}", publish: true, culture: "en");
        var afterPublish = await ExportAsync();
        Assert.True(File.Exists(Path.Combine(_folder, "en", "news", slug, "index.html")));
        Assert.InRange(afterPublish.Written, 1, afterPublish.Files / 2);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>().TrashAsync(id));
        }

        var afterTrash = await ExportAsync();
        Assert.InRange(afterTrash.Removed, 1, 2); // the article, and the second page of the list if it made one
        Assert.False(File.Exists(Path.Combine(_folder, "en", "news", slug, "index.html")));
    }

    [Fact]
    public async Task OnionLocation_Configured_OnPublicPagesOnly()
    {
        using var client = app.CreateBrowser();

        using var page = await client.GetAsync(new Uri("/en/news", UriKind.Relative));
        using var admin = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal("http://coalitionexample.onion/en/news", page.Headers.GetValues("Onion-Location").Single());
        Assert.False(admin.Headers.Contains("Onion-Location"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<MirrorResult> ExportAsync()
    {
        // Over https, as the live site is: pages with forms set Secure cookies and refuse plain http.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        var log = new StringWriter();
        var result = await app.Services.GetRequiredService<MirrorExporter>().ExportAsync(client, _folder, new Uri(MirrorBase), log);
        Assert.True(result.Missing == 0, log.ToString());
        return result;
    }

    /// <summary>Follows every link, image and refresh from the mirror's root; returns the pages seen and the links that failed.</summary>
    private static async Task<(HashSet<string> Pages, List<string> Broken)> CrawlAsync(HttpClient client)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var broken = new List<string>();
        var queue = new Queue<(Uri Url, string From)>();
        queue.Enqueue((new Uri(client.BaseAddress!, "/"), "(start)"));
        while (queue.TryDequeue(out var next))
        {
            var url = new UriBuilder(next.Url) { Fragment = "" }.Uri;
            if (!seen.Add(url.AbsolutePath))
            {
                continue;
            }

            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url.AbsolutePath} ({(int)response.StatusCode}) from {next.From}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (Match m in Link().Matches(html))
            {
                var value = WebUtility.HtmlDecode(m.Groups["value"].Value);
                var candidates = m.Groups["name"].Value == "srcset" ? value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [value];
                foreach (var link in candidates.Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("https://", StringComparison.Ordinal)
                    && !l.StartsWith("mailto:", StringComparison.Ordinal) && !l.StartsWith("tel:", StringComparison.Ordinal)))
                {
                    queue.Enqueue((new Uri(url, link), url.AbsolutePath));
                }
            }
        }

        seen.RemoveWhere(p => !p.EndsWith(".html", StringComparison.Ordinal));
        return (seen, broken);
    }

    private static bool IsText(string path) => Path.GetExtension(path) is ".html" or ".css" or ".xml" or ".txt" or ".svg";

    [GeneratedRegex("""\s(?<name>href|src|srcset)="(?<value>[^"]*)"|url=(?<value>[^"]+)""")]
    private static partial Regex Link();

    [GeneratedRegex("""https?://[^\s"'<>)]+""")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("xmlns(:\\w+)?=\"[^\"]*\"")]
    private static partial Regex XmlNamespace();

    /// <summary>The demo site with a live address and an onion address; its contact pages carry a form, as the
    /// subscription and message forms of later issues will, and it has a sitemap.</summary>
    public sealed class MirrorAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Site:PublicBaseUrl"] = Live,
        ["Site:OnionLocation"] = "http://coalitionexample.onion/",
    })
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddTransient<IStartupFilter, ContactFormFilter>();
    }

    private sealed class ContactFormFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == "/sitemap.xml")
                {
                    // As the sitemap of a later issue will be: absolute addresses on the public base URL.
                    context.Response.ContentType = "application/xml; charset=utf-8";
                    await context.Response.WriteAsync($"""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                        <url><loc>{Live}en/news</loc></url><url><loc>{Live}ru/about</loc></url>
                        </urlset>
                        """);
                    return;
                }

                var match = Regex.Match(context.Request.Path.Value ?? "", "^/(ru|tg|en)/contacts$");
                if (!match.Success)
                {
                    await nextMiddleware(context);
                    return;
                }

                var culture = match.Groups[1].Value;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync($"""
                    <!DOCTYPE html>
                    <html lang="{culture}"><head><title>Contacts</title><link rel="stylesheet" href="/css/site.css"></head>
                    <body><main><h1>Contacts</h1>
                    <form method="post" action="/{culture}/contacts"><label>Message <textarea name="Message"></textarea></label><button>Send</button></form>
                    <p><a href="/{culture}">Home</a></p></main></body></html>
                    """);
            });
            next(app);
        };
    }

    /// <summary>A plain static web server over a folder (index.html for folders), as any web host offers.</summary>
    private sealed class StaticServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StaticServer(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<StaticServer> StartAsync(string folder)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
            await app.StartAsync();
            return new StaticServer(app, new Uri(app.Urls.First()));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
