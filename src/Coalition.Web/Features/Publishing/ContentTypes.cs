using Coalition.Data.Entities;

namespace Coalition.Web.Features.Publishing;

/// <summary>Every content type of the portal, in one place: add a new type here and register it in MvcExtensions.</summary>
public static class ContentTypes
{
    public static readonly ContentTypeDescriptor News = new(typeof(NewsArticle), "news", (c, s) => $"/{c}/news/{s}", "news");
    public static readonly ContentTypeDescriptor Pages = new(typeof(Page), "pages", (c, s) => $"/{c}/{s}", "");

    public static readonly IReadOnlyList<ContentTypeDescriptor> All = [News, Pages];

    public static ContentTypeDescriptor? ByName(string? name) => All.FirstOrDefault(d => d.Name == name);
}

/// <param name="ClrType">The entity type.</param>
/// <param name="AdminSegment">Its admin address: /admin/{segment}.</param>
/// <param name="PublicPath">Its public address from culture and slug.</param>
/// <param name="SectionPath">Its public section under /{culture}/, where the language switcher leads when a translation is missing.</param>
public sealed record ContentTypeDescriptor(Type ClrType, string AdminSegment, Func<string, string, string> PublicPath, string SectionPath)
{
    /// <summary>The stored name, as in revisions, share links, redirects and the audit log.</summary>
    public string Name => ClrType.Name;
}

/// <summary>What the trash retention job needs from each content type's editor.</summary>
public interface IContentTrash
{
    Task<int> PurgeExpiredAsync(TimeSpan retention);
}
