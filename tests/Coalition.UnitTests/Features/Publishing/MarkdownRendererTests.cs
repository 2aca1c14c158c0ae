using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Coalition.Web.Features.Publishing;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private INodeList Render(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        var parser = new HtmlParser();
        return parser.ParseFragment(html, parser.ParseDocument("").Body!);
    }

    private static IEnumerable<IElement> Elements(INodeList nodes) =>
        nodes.OfType<IElement>().SelectMany(e => e.DescendantsAndSelf<IElement>());

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Text\n\n<script src=\"https://evil.example/x.js\"></script>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>")]
    [InlineData("```\n</code></pre><script>alert(1)</script>\n```")]
    public void ToSafeHtml_ScriptTag_NeverSurvives(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Elements(Render(markdown)), e => e.LocalName == "script");
    }

    [Fact]
    public void ToSafeHtml_RawHtml_IsShownAsTextNotMarkup()
    {
        var html = _renderer.ToSafeHtml("Hello <b>bold</b> <img src=x onerror=alert(1)> <iframe src=\"https://evil.example\"></iframe>");

        var elements = Elements(Render("Hello <b>bold</b> <img src=x onerror=alert(1)> <iframe src=\"https://evil.example\"></iframe>")).ToList();
        Assert.Equal(["p"], elements.Select(e => e.LocalName));
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html,hello)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[unencrypted](http://example.org/report)")]
    public void ToSafeHtml_DangerousLinkScheme_IsDropped(string markdown)
    {
        var links = Elements(Render(markdown)).Where(e => e.LocalName == "a").ToList();

        Assert.All(links, a =>
        {
            var href = a.GetAttribute("href");
            Assert.True(href is null || href.StartsWith("https://", StringComparison.Ordinal), href);
        });
        Assert.DoesNotContain(Elements(Render(markdown)), e => e.Attributes.Any(a => a.Value.Contains("script:", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("[site](https://example.org)", "https://example.org")]
    [InlineData("See https://example.org/report for details", "https://example.org/report")]
    [InlineData("[our news](/ru/news)", "/ru/news")]
    [InlineData("[write to us](mailto:info@example.org)", "mailto:info@example.org")]
    public void ToSafeHtml_Link_KeepsHrefAndGetsSafeRel(string markdown, string href)
    {
        var link = Assert.Single(Elements(Render(markdown)), e => e.LocalName == "a");

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("![photo](https://evil.example/tracker.png)")]
    [InlineData("![photo](http://evil.example/tracker.png)")]
    [InlineData("![photo](//evil.example/tracker.png)")]
    [InlineData("![photo](/uploads/photo.png)")]
    [InlineData("![photo](data:image/png;base64,AAAA)")]
    public void ToSafeHtml_ImageOutsideMedia_LosesItsSource(string markdown)
    {
        var images = Elements(Render(markdown)).Where(e => e.LocalName == "img");

        Assert.All(images, img => Assert.Null(img.GetAttribute("src")));
    }

    [Fact]
    public void ToSafeHtml_ImageFromMedia_IsKept()
    {
        var img = Assert.Single(Elements(Render("![The coalition meeting](/media/2026/meeting.jpg)")), e => e.LocalName == "img");

        Assert.Equal("/media/2026/meeting.jpg", img.GetAttribute("src"));
        Assert.Equal("The coalition meeting", img.GetAttribute("alt"));
    }

    [Fact]
    public void ToSafeHtml_HeadingsListsAndEmphasis_Render()
    {
        const string Markdown = "## Section\n\n### Subsection\n\n- one\n- two\n\n1. first\n2. second\n\n*em* **strong** ~~gone~~\n\n> quoted";

        var elements = Elements(Render(Markdown)).ToList();

        Assert.Equal("Section", Assert.Single(elements, e => e.LocalName == "h2").TextContent);
        Assert.Equal("Subsection", Assert.Single(elements, e => e.LocalName == "h3").TextContent);
        Assert.Equal(["one", "two"], elements.Single(e => e.LocalName == "ul").Children.Select(li => li.TextContent));
        Assert.Equal(["first", "second"], elements.Single(e => e.LocalName == "ol").Children.Select(li => li.TextContent));
        Assert.Equal("em", Assert.Single(elements, e => e.LocalName == "em").TextContent);
        Assert.Equal("strong", Assert.Single(elements, e => e.LocalName == "strong").TextContent);
        Assert.Equal("gone", Assert.Single(elements, e => e.LocalName == "del").TextContent);
        Assert.Contains(elements, e => e.LocalName == "blockquote");
    }

    [Theory]
    [InlineData("# Title of the section", "Title of the section")]
    [InlineData("###### Small print", "Small print")]
    [InlineData("Underlined title\n================", "Underlined title")]
    public void ToSafeHtml_HeadingLevelOutsideTheAllowList_KeepsItsText(string markdown, string text)
    {
        // The page title is the only h1; a "# Heading" in the body must not vanish with its text.
        var html = _renderer.ToSafeHtml(markdown);

        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSafeHtml_PipeTable_Renders()
    {
        var elements = Elements(Render("| Year | Cases |\n|------|------:|\n| 2025 | 12 |")).ToList();

        Assert.Contains(elements, e => e.LocalName == "table");
        Assert.Equal(["Year", "Cases"], elements.Where(e => e.LocalName == "th").Select(e => e.TextContent));
        Assert.DoesNotContain(elements, e => e.HasAttribute("style"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void ToSafeHtml_Blank_ReturnsEmpty(string? markdown) =>
        Assert.Equal("", _renderer.ToSafeHtml(markdown));

    [Fact]
    public void ToSafeHtml_NoElementEverCarriesAnEventHandler()
    {
        const string Markdown = "[x](https://example.org \"t\\\" onmouseover=\\\"alert(1)\")\n\n![y](/media/a.png \"t\\\" onerror=\\\"alert(1)\")";

        var elements = Elements(Render(Markdown)).ToList();

        Assert.NotEmpty(elements);
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("[a](http://example.org)", "http://example.org")]
    [InlineData("<http://example.org/auto>", "http://example.org/auto")]
    [InlineData("www.example.org and http://example.org/bare", "http://example.org/bare")]
    [InlineData("[x](HTTP://EXAMPLE.ORG)", "HTTP://EXAMPLE.ORG")]
    [InlineData("[x](data:text/html,hi)", "data:text/html,hi")]
    public void RefusedLinks_AnySchemeButHttpsAndMailto_IsNamed(string markdown, string link) =>
        Assert.Contains(link, MarkdownRenderer.RefusedLinks(markdown));

    [Theory]
    [InlineData("[a](https://example.org) [b](mailto:a@example.org) [c](//example.org/x) [d](/ru/about) [e](#top) [f](news/x)")]
    [InlineData("![img](http://example.org/x.png) images are dropped by the sanitizer, not refused")]
    [InlineData("")]
    public void RefusedLinks_HttpsMailtoSchemeRelativeAndRelative_AreAccepted(string markdown) =>
        Assert.Empty(MarkdownRenderer.RefusedLinks(markdown));

    [Fact]
    public void ToSafeHtml_SchemeRelativeLink_IsWrittenAsHttps() =>
        Assert.Contains("href=\"https://evil.example/x\"", new MarkdownRenderer().ToSafeHtml("[x](//evil.example/x)"), StringComparison.Ordinal);
}
