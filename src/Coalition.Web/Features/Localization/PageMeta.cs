namespace Coalition.Web.Features.Localization;

/// <summary>Per-request page metadata that views set and the layout prints: a typed alternative to ViewData keys.</summary>
public sealed class PageMeta
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Ask search engines not to index this page (previews, forms, errors).</summary>
    public bool NoIndex { get; set; }

    /// <summary>An Atom feed of this page's list (site-relative), announced with <c>&lt;link rel="alternate"&gt;</c>.</summary>
    public string? FeedUrl { get; set; }

    public string? FeedTitle { get; set; }
    /// <summary>
    /// The page's canonical address, site-relative, when it is not the request's path (with only <c>?page=</c> kept):
    /// the layout makes it absolute from the configured public address.
    /// </summary>
    public string? CanonicalPath { get; set; }

    /// <summary>The picture link previews (OpenGraph, Twitter) show; by default the cover of the item the page shows.</summary>
    public Media.MediaImage? Image { get; set; }

    /// <summary>Set when the page is a preview of unpublished content: the layout shows the preview banner.</summary>
    public Publishing.PreviewBanner? Preview { get; set; }
}
