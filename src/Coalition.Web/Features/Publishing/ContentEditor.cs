using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Create, save, publish, translate and delete for every content type: slugs, old-slug redirects,
/// translation groups and optimistic concurrency live here once, not in each controller.
/// </summary>
public sealed class ContentEditor<T>(CoalitionDbContext db, MarkdownRenderer renderer, MediaQueries media, AuditLog audit, TimeProvider clock)
    where T : ContentItem, new()
{
    private static readonly string ContentType = typeof(T).Name;

    private DbSet<T> Items => db.Set<T>();

    public Task<T?> FindAsync(int id, CancellationToken ct = default) =>
        Items.FirstOrDefaultAsync(x => x.Id == id, ct);

    public async Task<SaveResult> CreateAsync(ContentInput input, bool publish, string? userId, Guid? translationGroupId = null, int? translatedFromId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!SiteCultures.IsSupported(input.Culture))
        {
            throw new ArgumentException($"Unsupported culture '{input.Culture}'.", nameof(input));
        }

        var groupId = translationGroupId ?? Guid.NewGuid();
        if (translationGroupId is not null && await Items.AnyAsync(x => x.TranslationGroupId == groupId && x.Culture == input.Culture))
        {
            return new SaveResult(SaveOutcome.CultureTaken);
        }

        var slug = await ChooseSlugAsync(input, current: null);
        if (slug.Outcome != SaveOutcome.Saved)
        {
            return new SaveResult(slug.Outcome);
        }

        var images = await media.ImagesInTextAsync(input.Body, input.Culture);
        var mediaCheck = await CheckMediaAsync(input, input.Culture, currentCover: null, images, checkAlt: translatedFromId is null);
        if (mediaCheck != SaveOutcome.Saved)
        {
            return new SaveResult(mediaCheck);
        }

        var now = Now;
        var item = new T
        {
            Culture = input.Culture,
            TranslationGroupId = groupId,
            TranslatedFromId = translatedFromId,
            CreatedUtc = now,
            CreatedById = userId,
            Version = 1,
        };
        Apply(item, input, slug.Slug, userId, now, textChanged: true, images);
        if (publish)
        {
            Publish(item, now);
        }

        Items.Add(item);
        await ForgetRedirectAsync(item.Culture, item.Slug);
        await db.SaveChangesAsync();
        audit.Add(translatedFromId is null ? AuditActions.Create : AuditActions.Translate, ContentType, Id(item), Describe(item));
        if (publish)
        {
            audit.Add(AuditActions.Publish, ContentType, Id(item), Describe(item));
        }

        await db.SaveChangesAsync();
        return new SaveResult(SaveOutcome.Saved, item.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, ContentInput input, bool? publish, string? userId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await FindAsync(id);
        if (item is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (item.Version != input.Version)
        {
            return new SaveResult(SaveOutcome.Conflict, id);
        }

        var slug = await ChooseSlugAsync(input, item);
        if (slug.Outcome != SaveOutcome.Saved)
        {
            return new SaveResult(slug.Outcome, id);
        }

        var images = await media.ImagesInTextAsync(input.Body, item.Culture);
        var mediaCheck = await CheckMediaAsync(input, item.Culture, (item as IHasCoverImage)?.CoverMediaId, images, checkAlt: true);
        if (mediaCheck != SaveOutcome.Saved)
        {
            return new SaveResult(mediaCheck, id);
        }

        var now = Now;
        if (!string.Equals(item.Slug, slug.Slug, StringComparison.Ordinal))
        {
            await RememberRedirectAsync(item, slug.Slug);
        }

        var textChanged = item.Title != input.Title.Trim()
            || (item.Summary ?? "") != (input.Summary?.Trim() ?? "")
            || item.BodyMarkdown != input.Body;
        var wasPublished = item.Status == PublicationStatus.Published;
        Apply(item, input, slug.Slug, userId, now, textChanged, images);
        audit.Add(AuditActions.Edit, ContentType, Id(item), Describe(item));
        if (publish == true)
        {
            Publish(item, now);
            if (!wasPublished)
            {
                audit.Add(AuditActions.Publish, ContentType, Id(item), Describe(item));
            }
        }
        else if (publish == false)
        {
            item.Status = PublicationStatus.Draft;
            if (wasPublished)
            {
                audit.Add(AuditActions.Unpublish, ContentType, Id(item), Describe(item));
            }
        }

        return await SaveVersionedAsync(item, input.Version);
    }

    public async Task<SaveResult> SetPublishedAsync(int id, bool published, string? userId)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (published)
        {
            Publish(item, Now);
        }
        else
        {
            item.Status = PublicationStatus.Draft;
        }

        item.UpdatedById = userId;
        audit.Add(published ? AuditActions.Publish : AuditActions.Unpublish, ContentType, Id(item), Describe(item));
        return await SaveVersionedAsync(item, item.Version);
    }

    /// <summary>Deletes one item. Its translations stay: they only share a group id.</summary>
    public async Task<bool> DeleteAsync(int id)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return false;
        }

        Items.Remove(item);
        audit.Add(AuditActions.Delete, ContentType, Id(item), Describe(item));
        await db.SlugRedirects.Where(r => r.ContentType == ContentType && r.ItemId == id).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// "Translate to…": a draft in <paramref name="culture"/> in the same group, prefilled from the source.
    /// Returns the existing translation when there already is one.
    /// </summary>
    public async Task<SaveResult> CreateTranslationAsync(int sourceId, string culture, string? userId)
    {
        var source = await FindAsync(sourceId);
        if (source is null || !SiteCultures.IsSupported(culture))
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        var existing = await Items.FirstOrDefaultAsync(x => x.TranslationGroupId == source.TranslationGroupId && x.Culture == culture);
        if (existing is not null)
        {
            return new SaveResult(SaveOutcome.CultureTaken, existing.Id);
        }

        var input = new ContentInput(culture, source.Title, Slug: null, source.Summary, source.BodyMarkdown, Version: 0,
            (source as IHasCoverImage)?.CoverMediaId);
        return await CreateAsync(input, publish: false, userId, source.TranslationGroupId, source.Id);
    }

    /// <summary>Links <paramref name="id"/> into the translation group of <paramref name="targetId"/>.</summary>
    public async Task<SaveOutcome> LinkAsync(int id, int targetId)
    {
        var item = await FindAsync(id);
        var target = await FindAsync(targetId);
        if (item is null || target is null || item.Id == target.Id)
        {
            return SaveOutcome.NotFound;
        }

        if (await Items.AnyAsync(x => x.TranslationGroupId == target.TranslationGroupId && x.Culture == item.Culture && x.Id != item.Id))
        {
            return SaveOutcome.CultureTaken;
        }

        item.TranslationGroupId = target.TranslationGroupId;
        item.Version++;
        audit.Add(AuditActions.Link, ContentType, Id(item), $"{Describe(item)} → #{target.Id}");
        await db.SaveChangesAsync();
        return SaveOutcome.Saved;
    }

    /// <summary>Takes <paramref name="id"/> out of its translation group; the others stay linked to each other.</summary>
    public async Task<bool> UnlinkAsync(int id)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return false;
        }

        item.TranslationGroupId = Guid.NewGuid();
        item.TranslatedFromId = null;
        item.Version++;
        audit.Add(AuditActions.Unlink, ContentType, Id(item), Describe(item));
        await db.SaveChangesAsync();
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Id(T item) => item.Id.ToString(CultureInfo.InvariantCulture);

    private static string Describe(T item) => $"[{item.Culture}] {item.Title}";

    private void Apply(T item, ContentInput input, string slug, string? userId, DateTime now, bool textChanged, IReadOnlyDictionary<string, TextImage> images)
    {
        item.Title = input.Title.Trim();
        item.Slug = slug;
        item.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        item.BodyMarkdown = input.Body;
        item.BodyHtml = renderer.ToSafeHtml(input.Body, images);
        if (item is IHasCoverImage withCover)
        {
            withCover.CoverMediaId = input.CoverMediaId;
        }
        item.UpdatedUtc = now;
        item.UpdatedById = userId;
        if (textChanged)
        {
            item.ContentChangedUtc = now;
        }
    }

    /// <summary>
    /// A new cover must be a library image with alt text in the item's language (or decorative); an image in the text
    /// whose Markdown alt is empty needs the same. A translation made with "Translate to…" may keep a cover without
    /// alt text for now: public pages leave such an image out until the text is added.
    /// </summary>
    private async Task<SaveOutcome> CheckMediaAsync(ContentInput input, string culture, int? currentCover, IReadOnlyDictionary<string, TextImage> images, bool checkAlt)
    {
        if (input.CoverMediaId is { } cover && cover != currentCover && typeof(IHasCoverImage).IsAssignableFrom(typeof(T)))
        {
            var image = await db.Media.AsNoTracking()
                .Where(m => m.Id == cover && m.Kind == MediaKind.Image)
                .Select(m => new { m.IsDecorative, m.AltRu, m.AltTg, m.AltEn })
                .FirstOrDefaultAsync();
            if (image is null)
            {
                return SaveOutcome.InvalidCover;
            }

            var alt = culture switch { "ru" => image.AltRu, "tg" => image.AltTg, _ => image.AltEn };
            if (checkAlt && !image.IsDecorative && string.IsNullOrWhiteSpace(alt))
            {
                return SaveOutcome.CoverWithoutAlt;
            }
        }

        if (checkAlt)
        {
            foreach (System.Text.RegularExpressions.Match m in MediaQueries.ImageWithEmptyAlt().Matches(input.Body ?? ""))
            {
                if (images.TryGetValue(m.Groups[1].Value, out var image) && image.AltMissing)
                {
                    return SaveOutcome.ImageWithoutAlt;
                }
            }
        }

        return SaveOutcome.Saved;
    }

    private static void Publish(T item, DateTime now)
    {
        item.Status = PublicationStatus.Published;
        item.PublishedUtc ??= now;
    }

    private async Task<SaveResult> SaveVersionedAsync(T item, int expectedVersion)
    {
        // The version column is the concurrency token: the UPDATE only matches the row this editor loaded.
        db.Entry(item).Property(x => x.Version).OriginalValue = expectedVersion;
        item.Version = expectedVersion + 1;
        try
        {
            await db.SaveChangesAsync();
            return new SaveResult(SaveOutcome.Saved, item.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SaveResult(SaveOutcome.Conflict, item.Id);
        }
    }

    private async Task<(SaveOutcome Outcome, string Slug)> ChooseSlugAsync(ContentInput input, T? current)
    {
        var culture = current?.Culture ?? input.Culture;
        var requested = string.IsNullOrWhiteSpace(input.Slug) ? null : SlugGenerator.Normalize(input.Slug);
        if (requested is not null)
        {
            if (!SlugGenerator.IsValid(requested))
            {
                return (SaveOutcome.InvalidSlug, "");
            }

            var taken = await Items.AnyAsync(x => x.Culture == culture && x.Slug == requested && x.Id != (current == null ? 0 : current.Id));
            return taken ? (SaveOutcome.SlugTaken, "") : (SaveOutcome.Saved, requested);
        }

        // A blank slug keeps a published item's address; a draft follows its title.
        if (current is not null && current.PublishedUtc is not null)
        {
            return (SaveOutcome.Saved, current.Slug);
        }

        var baseSlug = SlugGenerator.FromTitle(input.Title);
        var candidate = baseSlug;
        for (var n = 2; await Items.AnyAsync(x => x.Culture == culture && x.Slug == candidate && x.Id != (current == null ? 0 : current.Id)); n++)
        {
            candidate = $"{baseSlug}-{n}";
        }

        return (SaveOutcome.Saved, candidate);
    }

    private async Task RememberRedirectAsync(T item, string newSlug)
    {
        await ForgetRedirectAsync(item.Culture, newSlug);
        if (item.PublishedUtc is null)
        {
            return; // never public: nobody can have the old address
        }

        var existing = await db.SlugRedirects.FirstOrDefaultAsync(r => r.ContentType == ContentType && r.Culture == item.Culture && r.OldSlug == item.Slug);
        if (existing is null)
        {
            db.SlugRedirects.Add(new SlugRedirect
            {
                ContentType = ContentType,
                Culture = item.Culture,
                OldSlug = item.Slug,
                ItemId = item.Id,
                CreatedUtc = Now,
            });
        }
        else
        {
            existing.ItemId = item.Id;
        }
    }

    /// <summary>A slug taken by a live item no longer redirects elsewhere.</summary>
    private Task ForgetRedirectAsync(string culture, string slug) =>
        db.SlugRedirects.Where(r => r.ContentType == ContentType && r.Culture == culture && r.OldSlug == slug).ExecuteDeleteAsync();
}
