using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Feeds;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Features.Search;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Discovery;

/// <summary>
/// The head tags of a public page, from <see cref="PageMeta"/> and the item the page shows: canonical address, feed
/// links, OpenGraph and Twitter cards in the page's language, and JSON-LD (Organization on the home page, the
/// definition's <see cref="ContentDefinition.SchemaType"/> on an item page). Every address is absolute from
/// <see cref="PublicUrls"/>, never from the Host header. Works for every content definition: the item is found from the
/// page's address through <see cref="ContentDefinition.PublicPath"/>, so a new type's pages get their tags unchanged.
/// </summary>
public sealed class HeadTags(CoalitionDbContext db, PageMeta meta, AlternateLinks alternates, PublicUrls urls, MediaQueries media,
    IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    /// <summary>HTML-sensitive characters (&lt; &gt; &amp; ' ") are always escaped, so the JSON cannot close its script element.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Cyrillic, UnicodeRanges.CyrillicSupplement, UnicodeRanges.GeneralPunctuation),
    };

    private static readonly Dictionary<string, string> Locales = new(StringComparer.Ordinal)
    {
        [SiteCultures.Russian] = "ru_RU",
        [SiteCultures.Tajik] = "tg_TJ",
        [SiteCultures.English] = "en_GB",
    };

    public async Task<HeadTagsModel?> BuildAsync(HttpContext http, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path;
        var culture = PathCultureProvider.FirstSegment(path);
        if (!SiteCultures.IsSupported(culture) || meta.Preview is not null)
        {
            return null;
        }

        culture = culture!.ToLowerInvariant();
        var siteName = t["Coalition against Torture and Impunity in Tajikistan"].Value;
        var feeds = Feeds(culture, path.Value!);
        if (meta.NoIndex)
        {
            return new HeadTagsModel(null, feeds, null, null);
        }

        var canonical = urls.Absolute(CanonicalPath(culture, meta.CanonicalPath ?? path.Value!, http.Request.Query));
        // An error page describes no item, and must not depend on the services whose failure it may be reporting.
        var (type, item) = alternates.ShowsItem && http.Response.StatusCode < 400
            ? await ItemAsync(http.RequestServices.GetRequiredService<ContentQueries>(), culture, path.Value!, ct)
            : (null, null);
        var image = meta.Image;
        if (image is null && item is IHasCoverImage { CoverMediaId: { } coverId })
        {
            image = await media.ImageAsync(coverId, culture, ct);
        }

        var description = meta.Description ?? item?.Summary;
        var card = new SocialCard(
            SiteName: siteName,
            Title: meta.Title ?? item?.Title ?? siteName,
            Description: description,
            Url: canonical,
            Type: item is null ? "website" : "article",
            Locale: Locales[culture],
            LocaleAlternates: alternates.Resolve(path, http.Request.QueryString)
                .Where(l => l.Exists && l.Culture != culture).Select(l => Locales[l.Culture]).ToList(),
            Image: image is null ? null : new SocialImage(urls.Absolute(ShareImages.Url(image)), ShareImages.Width(image), ShareImages.Height(image), image.Alt),
            PublishedUtc: item?.PublishedUtc,
            ModifiedUtc: item is null ? null : Later(item.PublishedUtc!.Value, item.ContentChangedUtc));

        JsonObject? data = null;
        if (IsHome(culture, path.Value!))
        {
            data = new JsonObject { ["@context"] = "https://schema.org" };
            foreach (var (key, value) in Organization(culture, siteName).ToList())
            {
                data[key] = value?.DeepClone();
            }
        }
        else if (type?.SchemaType is { } schemaType && item is not null)
        {
            data = ItemData(type, schemaType, item, card, culture, siteName);
        }

        return new HeadTagsModel(canonical, feeds, card, data?.ToJsonString(Json));
    }

    /// <summary>A time as schema.org wants it, in Dushanbe time with its offset (2026-06-26T10:00:00+05:00).</summary>
    public static string SchemaTime(DateTime utc)
    {
        var offset = DushanbeTime.Zone.GetUtcOffset(utc);
        return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A time in UTC, ISO 8601 (2026-06-26T05:00:00Z): for publication dates.</summary>
    public static string UtcTime(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private JsonObject ItemData(ContentDefinition type, string schemaType, ContentItem item, SocialCard card, string culture, string siteName)
    {
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = schemaType,
            ["name"] = item.Title,
            ["url"] = card.Url,
            ["inLanguage"] = culture,
        };
        if (!string.IsNullOrWhiteSpace(item.Summary))
        {
            node["description"] = item.Summary;
        }

        if (card.Image is { } image)
        {
            node["image"] = new JsonArray(image.Url);
        }

        if (schemaType.EndsWith("Article", StringComparison.Ordinal))
        {
            node["headline"] = item.Title.Length <= 110 ? item.Title : item.Title[..109] + "…";
            node["mainEntityOfPage"] = card.Url;
            node["datePublished"] = UtcTime(item.PublishedUtc!.Value);
            node["dateModified"] = UtcTime(card.ModifiedUtc!.Value);
            node["author"] = Organization(culture, siteName);
            node["publisher"] = Organization(culture, siteName);
        }

        type.DescribeSchema(item, node);
        return node;
    }

    private JsonObject Organization(string culture, string siteName) => new()
    {
        ["@type"] = "Organization",
        ["name"] = siteName,
        ["url"] = urls.Absolute($"/{culture}/"),
        ["logo"] = urls.Absolute("/img/favicon.svg"),
    };

    private IReadOnlyList<FeedLink> Feeds(string culture, string path)
    {
        var feeds = new List<FeedLink> { new(t["Everything new on the site"], urls.Absolute(ContentFeeds.SitePath(culture))) };
        foreach (var type in ContentTypes.All.Where(d => d.HasFeed && d.SectionPath.Length > 0))
        {
            var section = $"/{culture}/{type.SectionPath}";
            if (IsHome(culture, path) || path == section || path.StartsWith(section + "/", StringComparison.Ordinal))
            {
                feeds.Add(new FeedLink(t[type.PluralName], urls.Absolute(ContentFeeds.TypePath(type, culture))));
            }
        }

        return feeds;
    }

    /// <summary>The item of a public page: the definition whose address pattern gives this path, then its visible item.</summary>
    private async Task<(ContentDefinition?, ContentItem?)> ItemAsync(ContentQueries content, string culture, string path, CancellationToken ct)
    {
        var slug = path.TrimEnd('/')[(path.TrimEnd('/').LastIndexOf('/') + 1)..];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var type in ContentTypes.All.Where(d => d.PublicPath(culture, slug) == path))
        {
            var item = content.FoundPublic(type.EntityType, culture, slug)
                ?? await ContentSets.Visible(db, type, now).FirstOrDefaultAsync(x => x.Culture == culture && x.Slug == slug, ct);
            if (item is not null)
            {
                return (type, item);
            }
        }

        return (null, null);
    }

    private static bool IsHome(string culture, string path) => path == "/" + culture || path == "/" + culture + "/";

    /// <summary>The path without its query string, except a page number above 1; the home page always with its slash.</summary>
    public static string CanonicalPath(string culture, string path, IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (IsHome(culture, path))
        {
            path = "/" + culture + "/";
        }

        return query.TryGetValue("page", out var page) && int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1
            ? path + "?page=" + n.ToString(CultureInfo.InvariantCulture)
            : path;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}

public sealed record HeadTagsModel(string? Canonical, IReadOnlyList<FeedLink> Feeds, SocialCard? Card, string? JsonLd);

public sealed record FeedLink(string Title, string Url);

public sealed record SocialImage(string Url, int Width, int Height, string Alt);

/// <summary>What OpenGraph and Twitter cards say about a page, in its language.</summary>
public sealed record SocialCard(
    string SiteName,
    string Title,
    string? Description,
    string Url,
    string Type,
    string Locale,
    IReadOnlyList<string> LocaleAlternates,
    SocialImage? Image,
    DateTime? PublishedUtc,
    DateTime? ModifiedUtc);
