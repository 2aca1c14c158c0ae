using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Markdown to safe HTML: Markdig with raw HTML switched off, then HtmlSanitizer with a short allow-list.
/// Used for every role: a phished editor account must not be able to plant script.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "s", "blockquote", "ul", "ol", "li", "h2", "h3", "h4",
                "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "hr", "code", "pre",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "https", "http", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.FilterUrl += (_, e) =>
        {
            // Images come only from this site's own media; an outside image would be a request to a third party.
            if (string.Equals(e.Tag.TagName, "img", StringComparison.OrdinalIgnoreCase)
                && !e.OriginalUrl.StartsWith("/media/", StringComparison.Ordinal))
            {
                e.SanitizedUrl = null;
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
    }

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            // The page title is the only h1, and the allow-list stops at h4: the sanitizer would drop a "# Heading"
            // or "##### Heading" with its text, so every heading is brought into the h2–h4 range instead.
            heading.Level = Math.Clamp(heading.Level, 2, 4);
        }

        return _sanitizer.Sanitize(Markdown.ToHtml(document, Pipeline));
    }
}
