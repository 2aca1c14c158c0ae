using Coalition.Data.Entities;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// The one rule for what the public may see: published, its time has come, its unpublish time has not,
/// and not in the trash. Every public query goes through it; no background job is needed for scheduling.
/// </summary>
public static class ContentVisibility
{
    public static IQueryable<T> VisibleToPublic<T>(this IQueryable<T> items, DateTime nowUtc) where T : ContentItem =>
        items.Where(x => x.Status == PublicationStatus.Published
            && x.DeletedUtc == null
            && x.PublishedUtc != null && x.PublishedUtc <= nowUtc
            && (x.UnpublishUtc == null || x.UnpublishUtc > nowUtc));

    public static bool IsVisibleToPublic(this ContentItem item, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status == PublicationStatus.Published
            && item.DeletedUtc is null
            && item.PublishedUtc is { } at && at <= nowUtc
            && (item.UnpublishUtc is not { } until || until > nowUtc);
    }

    /// <summary>What staff see as the item's state at <paramref name="nowUtc"/>.</summary>
    public static PublicState StateAt(this ContentItem item, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        return StateOf(item.Status, item.PublishedUtc, item.UnpublishUtc, item.DeletedUtc, nowUtc);
    }

    public static PublicState StateOf(PublicationStatus status, DateTime? publishedUtc, DateTime? unpublishUtc, DateTime? deletedUtc, DateTime nowUtc) =>
        deletedUtc is not null ? PublicState.Trashed
        : status != PublicationStatus.Published || publishedUtc is null ? PublicState.Draft
        : publishedUtc > nowUtc ? PublicState.Scheduled
        : unpublishUtc is { } until && until <= nowUtc ? PublicState.Expired
        : PublicState.Published;
}

public enum PublicState
{
    Draft,
    Scheduled,
    Published,
    Expired,
    Trashed,
}
