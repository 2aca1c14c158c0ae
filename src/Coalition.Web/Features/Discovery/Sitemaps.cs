using System.Globalization;
using System.Text;
using System.Xml;
using Coalition.Data;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Features.Search;
using Coalition.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Discovery;

/// <summary>
/// <c>/sitemap.xml</c> (a sitemap index) and one sitemap per language, <c>/{culture}/sitemap.xml</c>: the home page, the
/// section pages, and every item of every content type that the public sees now (<see cref="ContentVisibility"/>), with
/// its last change and <c>xhtml:link hreflang</c> links to its visible translations. Drafts, scheduled, embargoed,
/// expired and trashed items, previews and share links are never listed. Addresses come from <see cref="PublicUrls"/>.
/// </summary>
public sealed class Sitemaps(CoalitionDbContext db, PublicUrls urls, TimeProvider clock)
{
    public const string ContentType = "application/xml; charset=utf-8";
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static string PathFor(string culture) => $"/{culture}/sitemap.xml";

    public async Task<byte[]> IndexAsync(CancellationToken ct)
    {
        var entries = await EntriesAsync(ct);
        return Write(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNs);
            foreach (var culture in SiteCultures.All)
            {
                writer.WriteStartElement("sitemap", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, urls.Absolute(PathFor(culture)));
                if (entries.Where(e => e.Culture == culture).Select(e => e.LastModifiedUtc).DefaultIfEmpty().Max() is { } last && last != default)
                {
                    writer.WriteElementString("lastmod", SitemapNs, W3c(last));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    public async Task<byte[]> ForCultureAsync(string culture, CancellationToken ct)
    {
        var entries = await EntriesAsync(ct);
        var groups = entries.Where(e => e.Group is not null).ToLookup(e => (e.Type, e.Group));
        var newest = entries.Where(e => e.Culture == culture).ToLookup(e => e.Type);
        return Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNs);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);

            // The home page and the section pages exist in every language.
            Url(writer, $"/{culture}/", entries.Where(e => e.Culture == culture).Select(e => e.LastModifiedUtc).DefaultIfEmpty().Max(),
                SiteCultures.All.Select(c => (c, $"/{c}/")));
            foreach (var type in ContentTypes.All.Where(d => d.InPublicMenu))
            {
                Url(writer, $"/{culture}/{type.SectionPath}", newest[type.Name].Select(e => e.LastModifiedUtc).DefaultIfEmpty().Max(),
                    SiteCultures.All.Select(c => (c, $"/{c}/{type.SectionPath}")));
            }

            foreach (var entry in entries.Where(e => e.Culture == culture))
            {
                var translations = groups[(entry.Type, entry.Group)].Select(e => (e.Culture, e.Path));
                Url(writer, entry.Path, entry.LastModifiedUtc, translations);
            }

            writer.WriteEndElement();
        });
    }

    private void Url(XmlWriter writer, string path, DateTime lastModifiedUtc, IEnumerable<(string Culture, string Path)> alternates)
    {
        writer.WriteStartElement("url", SitemapNs);
        writer.WriteElementString("loc", SitemapNs, urls.Absolute(path));
        if (lastModifiedUtc != default)
        {
            writer.WriteElementString("lastmod", SitemapNs, W3c(lastModifiedUtc));
        }

        var links = alternates.OrderBy(a => a.Culture, StringComparer.Ordinal).ToList();
        if (links.Count > 1)
        {
            foreach (var (culture, alternate) in links)
            {
                writer.WriteStartElement("xhtml", "link", XhtmlNs);
                writer.WriteAttributeString("rel", "alternate");
                writer.WriteAttributeString("hreflang", culture);
                writer.WriteAttributeString("href", urls.Absolute(alternate));
                writer.WriteEndElement();
            }
        }

        writer.WriteEndElement();
    }

    private sealed record Entry(string Type, string Culture, Guid? Group, string Path, DateTime LastModifiedUtc);

    private async Task<List<Entry>> EntriesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<Entry>();
        foreach (var type in ContentTypes.All)
        {
            var rows = await ContentSets.Visible(db, type, now)
                .OrderBy(x => x.Culture).ThenByDescending(x => x.PublishedUtc).ThenBy(x => x.Id)
                .Select(x => new { x.Culture, x.Slug, x.TranslationGroupId, x.PublishedUtc, x.ContentChangedUtc })
                .ToListAsync(ct);
            entries.AddRange(rows.Where(r => SiteCultures.IsSupported(r.Culture)).Select(r => new Entry(
                type.Name,
                r.Culture,
                r.TranslationGroupId,
                type.PublicPath(r.Culture, r.Slug),
                // What the public reads changed last when it went live or when its text changed, never in the future.
                Min(Max(r.PublishedUtc!.Value, r.ContentChangedUtc), now))));
        }

        return entries;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string W3c(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>robots.txt: the public site is open; the admin area, staff accounts and previews are not; where the sitemap is.</summary>
    public string Robots() => string.Join('\n',
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin",
        "Disallow: /account",
        "Disallow: /preview",
        "",
        "Sitemap: " + urls.Absolute("/sitemap.xml"),
        "");
}
