using Coalition.Data.Entities;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Every content type of the portal, found from the <see cref="ContentDefinition"/> classes in this assembly: a new
/// type is registered by writing its definition, and nothing else keeps a list of types.
/// </summary>
public static class ContentTypes
{
    public static readonly IReadOnlyList<ContentDefinition> All = typeof(ContentDefinition).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ContentDefinition).IsAssignableFrom(t))
        .Select(t => (ContentDefinition)Activator.CreateInstance(t)!)
        .OrderBy(d => d.MenuOrder)
        .ThenBy(d => d.Name, StringComparer.Ordinal)
        .ToList();

    public static ContentDefinition? ByName(string? name) => All.FirstOrDefault(d => d.Name == name);

    public static ContentDefinition For(Type entityType) =>
        All.FirstOrDefault(d => d.EntityType == entityType)
        ?? throw new InvalidOperationException($"{entityType.Name} has no ContentDefinition: see docs/adding-a-content-type.md.");

    public static ContentDefinition For<T>() where T : ContentItem => Cache<T>.Definition;

    private static class Cache<T> where T : ContentItem
    {
        public static readonly ContentDefinition Definition = For(typeof(T));
    }
}

/// <summary>What the trash retention job needs from each content type's editor.</summary>
public interface IContentTrash
{
    Task<int> PurgeExpiredAsync(TimeSpan retention);
}
