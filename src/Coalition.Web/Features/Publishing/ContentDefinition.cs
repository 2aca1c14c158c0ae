using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// The fields a content type adds to the shared ones (title, address, summary, text): a plain class that the edit form
/// binds under the prefix <c>Fields</c>, that every revision stores as JSON, and that the type's definition copies to
/// and from the real columns of its table. DataAnnotations on its properties validate the form.
/// </summary>
public abstract class ContentFields
{
}

/// <summary>Fields of a type that adds none of its own.</summary>
public sealed class NoFields : ContentFields
{
}

/// <summary>
/// Marks a field that holds media-library ids (an <c>int?</c> or a list of <c>int</c>). The shared editor checks that
/// each new id is a library file of the right kind, with alt text in the item's language for images; "where used",
/// deletion and file visibility follow these fields for every type.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MediaReferenceAttribute(MediaKind kind) : Attribute
{
    public MediaKind Kind { get; } = kind;
}

/// <summary>One field's value as the revision diff and the conflict page show it.</summary>
public sealed record FieldValue(string Name, string Label, string Value);

/// <summary>A starter text for a fixed address: created on the first start in every environment, never overwritten.</summary>
public sealed record StarterText(string Slug, string Culture, string Title, string? Summary, string Body);

/// <summary>What the shared editor gives a definition to check a type's own fields before a save.</summary>
/// <param name="Current">The item as stored, or null for a new one.</param>
/// <param name="Publishing">The save publishes or schedules the item.</param>
public sealed class FieldValidation(IServiceProvider services, string culture, ContentItem? current, bool publishing, DateTime nowUtc)
{
    private readonly List<(string Field, string Message)> _errors = [];
    private readonly List<string> _warnings = [];

    public IServiceProvider Services { get; } = services;
    public string Culture { get; } = culture;
    public ContentItem? Current { get; } = current;
    public bool Publishing { get; } = publishing;
    public DateTime NowUtc { get; } = nowUtc;

    /// <summary>When this save makes the item public: now for "publish", the chosen time for "schedule", null for a draft.
    /// (Seam for the press room's embargo warnings; other types need not read it.)</summary>
    public DateTime? GoesPublicUtc { get; init; }

    public IReadOnlyList<(string Field, string Message)> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Refuses the save; <paramref name="message"/> is a key of the shared resource file.</summary>
    public void Fail(string field, string message) => _errors.Add((field, message));

    /// <summary>Asks the editor to confirm before the save goes through; <paramref name="message"/> is a resource key.</summary>
    public void Warn(string message) => _warnings.Add(message);
}

/// <summary>
/// One content type, declared once: its names, addresses, capabilities, own fields and public view. The admin area,
/// menus, dashboard, audit filter, media usage, previews, share links, trash, starter pages and the tests read these
/// declarations; no other list of types is kept anywhere. See docs/adding-a-content-type.md.
/// </summary>
public abstract class ContentDefinition
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The entity: a <see cref="ContentItem"/> subclass with its own table.</summary>
    public abstract Type EntityType { get; }

    /// <summary>The <see cref="ContentFields"/> subclass the type adds.</summary>
    public abstract Type FieldsType { get; }

    /// <summary>The stored name, as in revisions, share links, redirects and the audit log.</summary>
    public string Name => EntityType.Name;

    /// <summary>The admin address <c>/admin/{AdminSegment}</c>; also the admin controller's name.</summary>
    public abstract string AdminSegment { get; }

    /// <summary>Shared-resource keys (English source text) for menus and headings.</summary>
    public abstract string PluralName { get; }

    public abstract string SingularName { get; }

    /// <summary>Position in the admin menu and on the dashboard.</summary>
    public virtual int MenuOrder => 100;

    /// <summary>The public section under <c>/{culture}/</c> ("news"), where the language switcher leads when a translation is missing; empty for the site root.</summary>
    public abstract string SectionPath { get; }

    public virtual string PublicPath(string culture, string slug) =>
        SectionPath.Length == 0 ? $"/{culture}/{slug}" : $"/{culture}/{SectionPath}/{slug}";

    /// <summary>The public menu links the section (at <see cref="MenuOrder"/>); by default every type with a section of its own.</summary>
    public virtual bool InPublicMenu => SectionPath.Length > 0;

    /// <summary>Items of this type show on every public page of their language (the active campaign's banner): a change evicts them all.</summary>
    public virtual bool ShownOnEveryPage => false;

    /// <summary>The types whose items this type's pages show (a campaign shows its news stories): their changes evict this section too.</summary>
    public virtual IReadOnlyList<Type> ShowsItemsOf => [];

    /// <summary>
    /// UTC columns of the entity at whose times its public pages change with no one saving (a campaign window's start
    /// and end, an event's registration closing). Publish and unpublish times count for every type already; a cached
    /// page never outlives the next of these moments.
    /// </summary>
    public virtual IReadOnlyList<string> ScheduleColumns => [];

    /// <summary>Whether staff may create new items (and move them to the trash).</summary>
    public virtual bool CanCreate => true;

    /// <summary>Addresses that always exist, in every language; their items keep the slug, and cannot be trashed.</summary>
    public virtual IReadOnlyList<string> FixedSlugs => [];

    /// <summary>Starter texts for <see cref="FixedSlugs"/>, one per address and language.</summary>
    public virtual IReadOnlyList<StarterText> StarterContent => [];

    public bool IsFixed(string slug) => FixedSlugs.Contains(slug, StringComparer.Ordinal);

    /// <summary>Cards in lists show a cover image: the entity implements <see cref="IHasCoverImage"/>.</summary>
    public bool HasCover => typeof(IHasCoverImage).IsAssignableFrom(EntityType);

    // Discovery seams (site search, feeds, structured data; issue 14). The defaults keep every type as it was.

    /// <summary>
    /// The words the site search finds the item by, besides its title (indexed on its own, ranked higher): by default
    /// the summary and the text as plain words. Override to add a type's own fields (an event's city and venue).
    /// </summary>
    public virtual string SearchText(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.IsNullOrWhiteSpace(item.Summary) ? Search.PlainText.FromHtml(item.BodyHtml) : item.Summary + "\n" + Search.PlainText.FromHtml(item.BodyHtml);
    }

    /// <summary>The type has an Atom feed of its own at <c>/{culture}/{SectionPath}/feed.atom</c>. Default false.</summary>
    public virtual bool HasFeed => false;

    /// <summary>Items are in the site-wide feed <c>/{culture}/feed.atom</c>. Default: types with a section of their own.</summary>
    public virtual bool InSiteFeed => SectionPath.Length > 0;

    /// <summary>The schema.org type of the item's JSON-LD ("NewsArticle", "Event"); null (the default) for none.</summary>
    public virtual string? SchemaType => null;

    /// <summary>Adds the type's own properties to the item's JSON-LD (an event's startDate, endDate and location).
    /// The shared code has already set name, description, url, inLanguage and image, and for *Article types
    /// headline, datePublished, dateModified, author and publisher.</summary>
    public virtual void DescribeSchema(ContentItem item, System.Text.Json.Nodes.JsonObject node)
    {
    }

    /// <summary>The partial view that edits <see cref="FieldsType"/> inside the shared edit form; null for none.</summary>
    public virtual string? FieldsPartial => null;

    /// <summary>The public view of one item: previews and share links render it too.</summary>
    public abstract string PublicView { get; }

    public abstract ContentItem NewEntity();

    public abstract ContentFields NewFields();

    /// <summary>The fields as the live columns of <paramref name="item"/> hold them.</summary>
    public abstract ContentFields ReadFields(ContentItem item);

    /// <summary>Copies <paramref name="fields"/> to the live columns of <paramref name="item"/>.</summary>
    public abstract void ApplyFields(ContentItem item, ContentFields fields);

    /// <summary>The model of <see cref="PublicView"/> for an item (a live one, or a draft rebuilt for a preview).</summary>
    public abstract Task<object> PublicModelAsync(ContentItem item, IServiceProvider services, CancellationToken ct);

    /// <summary>Checks the fields against the database, beyond their DataAnnotations.</summary>
    public virtual Task ValidateAsync(ContentFields fields, FieldValidation validation) => Task.CompletedTask;

    /// <summary>What "Translate to…" gives the new translation: by default the same values.</summary>
    public virtual ContentFields ForTranslation(ContentFields fields, string culture) => fields;

    public string Serialize(ContentFields fields) => JsonSerializer.Serialize(fields, FieldsType, Json);

    /// <summary>The fields of a stored revision; a revision older than the type's fields gets the defaults.</summary>
    public ContentFields Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? NewFields() : (ContentFields?)JsonSerializer.Deserialize(json, FieldsType, Json) ?? NewFields();

    /// <summary>Every media id the fields use, with the kind each field expects.</summary>
    public virtual IEnumerable<(string Field, int MediaId, MediaKind Kind)> MediaReferences(ContentFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var property in FieldsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<MediaReferenceAttribute>() is not { } reference)
            {
                continue;
            }

            switch (property.GetValue(fields))
            {
                case int id:
                    yield return (property.Name, id, reference.Kind);
                    break;
                case IEnumerable<int> ids:
                    foreach (var id in ids)
                    {
                        yield return (property.Name, id, reference.Kind);
                    }

                    break;
            }
        }
    }

    /// <summary>The <c>|12|40|</c> form of the media ids, for <see cref="ContentItem.MediaRefs"/>.</summary>
    public string? MediaRefs(ContentFields fields) => MediaRefsOf(MediaReferences(fields).Select(r => r.MediaId));

    public static string? MediaRefsOf(IEnumerable<int> ids)
    {
        var distinct = ids.Distinct().Order().ToList();
        return distinct.Count == 0 ? null : "|" + string.Join('|', distinct.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "|";
    }

    /// <summary>The search pattern that finds <paramref name="mediaId"/> in a <see cref="ContentItem.MediaRefs"/> column.</summary>
    public static string MediaRefToken(int mediaId) => "|" + mediaId.ToString(CultureInfo.InvariantCulture) + "|";

    /// <summary>
    /// Valid example values of the fields, which the shared tests send through the real admin forms for every type:
    /// by default a value of each property's type (a [Range]'s minimum, a date in 2030, the last value of an enum,
    /// the given library file for a media reference). Override it when the type's rules need other values.
    /// </summary>
    public virtual ContentFields ExampleFields(IReadOnlyDictionary<MediaKind, int> media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var fields = NewFields();
        foreach (var property in FieldsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object? value = property.GetCustomAttribute<MediaReferenceAttribute>() is { } reference
                ? (type == typeof(int) ? media[reference.Kind] : new List<int> { media[reference.Kind] })
                : type switch
                {
                    _ when type == typeof(int) => property.GetCustomAttribute<RangeAttribute>()?.Minimum is int min ? min : 2021,
                    _ when type == typeof(DateTime) => new DateTime(2030, 6, 26, 10, 0, 0, DateTimeKind.Unspecified),
                    _ when type == typeof(string) => "Example " + property.Name,
                    _ when type == typeof(bool) => true,
                    _ when type.IsEnum => Enum.GetValues(type).Cast<object>().Last(),
                    _ => null,
                };
            if (value is not null && property.PropertyType.IsAssignableFrom(value.GetType()))
            {
                property.SetValue(fields, value);
            }
            else if (value is not null && Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                property.SetValue(fields, value);
            }
        }

        return fields;
    }

    /// <summary>Each field with its label and value, for the revision diff and the conflict page.</summary>
    public virtual IReadOnlyList<FieldValue> Describe(ContentFields fields, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(text);
        return FieldsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new FieldValue(p.Name, text[p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name], Format(p.GetValue(fields), text)))
            .ToList();
    }

    private static string Format(object? value, IStringLocalizer text) => value switch
    {
        null => "—",
        DateTime t => DushanbeTime.FormatDateTime(t.Kind == DateTimeKind.Utc ? t : DushanbeTime.ToUtc(t)),
        bool b => b ? text["Yes"] : text["No"],
        Enum e => text[e.ToString()],
        string s => s.Length == 0 ? "—" : s,
        System.Collections.IEnumerable list => string.Join("\n", list.Cast<object?>().Select(v => Format(v, text))),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The typed base every definition derives from.</summary>
public abstract class ContentDefinition<TEntity, TFields> : ContentDefinition
    where TEntity : ContentItem, new()
    where TFields : ContentFields, new()
{
    public sealed override Type EntityType => typeof(TEntity);

    public sealed override Type FieldsType => typeof(TFields);

    public sealed override ContentItem NewEntity() => new TEntity();

    public sealed override ContentFields NewFields() => new TFields();

    public sealed override ContentFields ReadFields(ContentItem item) => Read((TEntity)item);

    public sealed override void ApplyFields(ContentItem item, ContentFields fields) => Apply((TEntity)item, (TFields)fields);

    public sealed override Task<object> PublicModelAsync(ContentItem item, IServiceProvider services, CancellationToken ct) =>
        PublicModelAsync((TEntity)item, services, ct);

    public sealed override Task ValidateAsync(ContentFields fields, FieldValidation validation) => ValidateAsync((TFields)fields, validation);

    protected abstract TFields Read(TEntity item);

    protected abstract void Apply(TEntity item, TFields fields);

    protected abstract Task<object> PublicModelAsync(TEntity item, IServiceProvider services, CancellationToken ct);

    protected virtual Task ValidateAsync(TFields fields, FieldValidation validation) => Task.CompletedTask;
}
