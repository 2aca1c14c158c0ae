using System.Globalization;
using Coalition.Web.Features.Media;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Markdown to safe HTML: Markdig with raw HTML switched off, then HtmlSanitizer with a short allow-list.
/// Used for every role: a phished editor account must not be able to plant script.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    /// <summary>How wide an image in an article's text is shown, for the srcset choice.</summary>
    public const string TextImageSizes = "(min-width: 46rem) 44rem, 100vw";

    // The images of the text being rendered. The sanitizer is shared and its events carry no state of their own;
    // sanitising is synchronous, so a thread-static field is the call's context.
    [ThreadStatic]
    private static IReadOnlyDictionary<string, TextImage>? _images;

    private readonly HtmlSanitizer _sanitizer;

    /// <summary>"//host", "\\host", "/\\host": browsers read all three as a link to another host on the page's scheme.</summary>
    internal static bool SchemeRelative(string url)
    {
        var u = url.TrimStart();
        return u.Length >= 2 && u[0] is '/' or '\\' && u[1] is '/' or '\\';
    }

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
            // https and mailto only: a plain-http link would send readers, who may be watched, over an unencrypted connection.
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.FilterUrl += (_, e) =>
        {
            // A scheme-relative link inherits the page's scheme, which is https on the public site: it is written out
            // as https, so that the link means the same wherever the page is read (a mirror, a saved copy).
            if (e.OriginalUrl.StartsWith("//", StringComparison.Ordinal) && e.SanitizedUrl is not null
                && string.Equals(e.Tag.TagName, "a", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = "https:" + e.OriginalUrl;
            }

            // Images come only from this site's own media; an outside image would be a request to a third party.
            if (string.Equals(e.Tag.TagName, "img", StringComparison.OrdinalIgnoreCase)
                && !e.OriginalUrl.StartsWith("/media/", StringComparison.Ordinal))
            {
                e.SanitizedUrl = null;
            }
            else if (e.SanitizedUrl is { } url && SchemeRelative(url))
            {
                // Issue 19 item 11 (hardening): "//evil.example" inherits the page's scheme, so it is judged as
                // that scheme: written out as https (the only web scheme allowed), never left to the page.
                e.SanitizedUrl = "https://" + url.TrimStart().TrimStart('/', '\\').Replace('\\', '/');
            }
        };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            else if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } img)
            {
                CompleteImage(img);
            }
        };
    }

    /// <param name="markdown">The editor's text.</param>
    /// <param name="images">The media-library images the text uses (<see cref="MediaQueries.ImagesInTextAsync"/>): each gets
    /// its srcset, width and height, and the library's alt text where the editor wrote none.</param>
    public string ToSafeHtml(string? markdown, IReadOnlyDictionary<string, TextImage>? images = null)
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

        var html = Markdown.ToHtml(document, Pipeline);
        _images = images;
        try
        {
            return _sanitizer.Sanitize(html);
        }
        finally
        {
            _images = null;
        }
    }

    /// <summary>
    /// The links in <paramref name="markdown"/> that would not work on the site: any scheme but https and mailto, such
    /// as <c>http:</c>, which would send readers, who may be watched, over an unencrypted connection. A
    /// scheme-relative link (<c>//host/…</c>) inherits https and is accepted; relative addresses are accepted.
    /// </summary>
    public static IReadOnlyList<string> RefusedLinks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return [];
        }

        var refused = new List<string>();
        foreach (var inline in Markdown.Parse(markdown, Pipeline).Descendants<Markdig.Syntax.Inlines.Inline>())
        {
            var url = inline switch
            {
                Markdig.Syntax.Inlines.LinkInline { IsImage: false } link => link.Url,
                Markdig.Syntax.Inlines.AutolinkInline { IsEmail: false } auto => auto.Url,
                _ => null,
            };
            if (url is not null && !IsAllowedLink(url.Trim()))
            {
                refused.Add(url.Trim());
            }
        }

        return refused;
    }

    private static bool IsAllowedLink(string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || !SchemePrefix().IsMatch(url))
        {
            return true;
        }

        var scheme = url[..url.IndexOf(':', StringComparison.Ordinal)];
        return scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial System.Text.RegularExpressions.Regex SchemePrefix();

    private static void CompleteImage(AngleSharp.Dom.IElement img)
    {
        img.SetAttribute("loading", "lazy");
        img.SetAttribute("decoding", "async");
        if (string.IsNullOrWhiteSpace(img.GetAttribute("alt")))
        {
            img.SetAttribute("alt", "");
        }

        var src = img.GetAttribute("src") ?? "";
        var key = src.Length >= MediaUrls.Prefix.Length + 32 ? src.Substring(MediaUrls.Prefix.Length, 32) : "";
        if (_images is null || !_images.TryGetValue(key, out var found))
        {
            return;
        }

        var image = found.Image;
        img.SetAttribute("src", image.FallbackUrl);
        img.SetAttribute("srcset", image.SrcSet("jpg"));
        img.SetAttribute("sizes", TextImageSizes);
        img.SetAttribute("width", image.Width.ToString(CultureInfo.InvariantCulture));
        img.SetAttribute("height", image.Height.ToString(CultureInfo.InvariantCulture));
        if (string.IsNullOrWhiteSpace(img.GetAttribute("alt")))
        {
            img.SetAttribute("alt", image.Alt);
        }
    }
}
