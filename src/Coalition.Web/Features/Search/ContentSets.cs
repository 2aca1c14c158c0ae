using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Search;

/// <summary>
/// The table of any content definition as a query of <see cref="ContentItem"/>, so that search, feeds and the sitemap
/// read every type with the same code and a new definition is covered without a change here.
/// </summary>
public static class ContentSets
{
    private static readonly System.Reflection.MethodInfo SetMethod =
        typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    public static IQueryable<ContentItem> Of(CoalitionDbContext db, ContentDefinition type)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(type);
        // IQueryable<out T> is covariant: DbSet<NewsArticle> is an IQueryable<ContentItem>, and EF Core translates
        // the base-class members it is filtered on.
        return ((IQueryable<ContentItem>)SetMethod.MakeGenericMethod(type.EntityType).Invoke(db, null)!).AsNoTracking();
    }

    /// <summary>What the public sees now of one type (<see cref="ContentVisibility.VisibleToPublic"/>).</summary>
    public static IQueryable<ContentItem> Visible(CoalitionDbContext db, ContentDefinition type, DateTime nowUtc) =>
        Of(db, type).VisibleToPublic(nowUtc);
}
