using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Discovery;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Features.Search;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Feeds;

/// <summary>
/// The Atom feeds of content: one per language for the whole site (every type with <see cref="ContentDefinition.InSiteFeed"/>)
/// and one per type with <see cref="ContentDefinition.HasFeed"/> at <c>/{culture}/{section}/feed.atom</c>. Only what
/// the public sees now; every link absolute, from <see cref="PublicUrls"/>.
/// </summary>
public sealed class ContentFeeds(CoalitionDbContext db, MediaQueries media, PublicUrls urls, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const int EntryCount = 20;

    public static string SitePath(string culture) => $"/{culture}/feed.atom";

    public static string TypePath(ContentDefinition type, string culture) => $"/{culture}/{type.SectionPath}/feed.atom";

    public Task<byte[]> SiteFeedAsync(string culture, CancellationToken ct) =>
        WriteAsync(culture, ContentTypes.All.Where(d => d.InSiteFeed), SitePath(culture), $"/{culture}/", t["Coalition against Torture and Impunity in Tajikistan"], ct);

    public Task<byte[]> TypeFeedAsync(ContentDefinition type, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(type);
        return WriteAsync(culture, [type], TypePath(type, culture), $"/{culture}/{type.SectionPath}",
            $"{t[type.PluralName]} — {t["Coalition against Torture and Impunity in Tajikistan"]}", ct);
    }

    private async Task<byte[]> WriteAsync(string culture, IEnumerable<ContentDefinition> types, string selfPath, string alternatePath, string title, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<(ContentDefinition Type, ContentItem Item)>();
        foreach (var type in types)
        {
            var items = await ContentSets.Visible(db, type, now).Where(x => x.Culture == culture)
                .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id).Take(EntryCount).ToListAsync(ct);
            rows.AddRange(items.Select(i => (type, i)));
        }

        var latest = rows.OrderByDescending(r => r.Item.PublishedUtc).ThenByDescending(r => r.Item.Id).Take(EntryCount).ToList();
        var covers = await media.ImagesAsync(latest.Select(r => (r.Item as IHasCoverImage)?.CoverMediaId).OfType<int>(), culture, ct);
        var host = new Uri(urls.Origin).Host;
        var entries = latest.Select(r =>
        {
            var item = r.Item;
            var published = item.PublishedUtc!.Value;
            var cover = (item as IHasCoverImage)?.CoverMediaId is { } id && covers.TryGetValue(id, out var image) ? image : null;
            return new AtomEntry(
                $"tag:{host},2026:{r.Type.Name}/{item.Id}",
                item.Title,
                item.Summary,
                urls.Absolute(r.Type.PublicPath(item.Culture, item.Slug)),
                published,
                item.ContentChangedUtc > published ? item.ContentChangedUtc : published,
                t[r.Type.SingularName],
                cover is null ? null : new AtomEnclosure(urls.Absolute(ShareImages.Url(cover)), "image/jpeg", ShareImages.Width(cover)));
        }).ToList();
        var info = new AtomFeedInfo(urls.Absolute(selfPath), title, urls.Absolute(selfPath), urls.Absolute(alternatePath),
            t["Coalition against Torture and Impunity in Tajikistan"], culture);
        return AtomFeed.Write(info, entries, now);
    }
}

/// <summary>The section part of <c>/{culture}/{section}/feed.atom</c>: a type that has a feed of its own.</summary>
public sealed class FeedSectionConstraint : IRouteConstraint
{
    public const string Name = "feedsection";

    public static ContentDefinition? TypeOf(string? section) =>
        ContentTypes.All.FirstOrDefault(d => d.HasFeed && d.SectionPath.Length > 0 && string.Equals(d.SectionPath, section, StringComparison.Ordinal));

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value) && TypeOf(value as string) is not null;
    }
}
