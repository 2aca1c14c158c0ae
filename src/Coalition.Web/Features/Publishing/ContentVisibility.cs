using Coalition.Data.Entities;

namespace Coalition.Web.Features.Publishing;

/// <summary>The one rule for what the public may see. Every public query goes through it.</summary>
public static class ContentVisibility
{
    public static IQueryable<T> VisibleToPublic<T>(this IQueryable<T> items, DateTime nowUtc) where T : ContentItem =>
        items.Where(x => x.Status == PublicationStatus.Published && x.PublishedUtc != null && x.PublishedUtc <= nowUtc);

    public static bool IsVisibleToPublic(this ContentItem item, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status == PublicationStatus.Published && item.PublishedUtc is { } at && at <= nowUtc;
    }
}
