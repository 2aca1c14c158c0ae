using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Create, save, schedule, publish, translate, trash and restore for every content type. Slugs, old-slug redirects,
/// translation groups, revisions, drafts of live items, audit entries and optimistic concurrency live here once,
/// not in each controller.
/// </summary>
public sealed partial class ContentEditor<T>(
    CoalitionDbContext db,
    MarkdownRenderer renderer,
    MediaQueries media,
    RevisionStore revisions,
    AuditLog audit,
    ReservedSlugs reserved,
    IServiceProvider services,
    TimeProvider clock)
    : IContentTrash
    where T : ContentItem, new()
{
    public static readonly string ContentType = typeof(T).Name;

    private static ContentDefinition Definition => ContentTypes.For<T>();

    private DbSet<T> Items => db.Set<T>();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<T?> FindAsync(int id, CancellationToken ct = default) =>
        Items.FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>What the editor works on: the pending changes of a published item, or the item itself.</summary>
    public Task<WorkingCopy> WorkingCopyAsync(T item, CancellationToken ct = default) => revisions.WorkingCopyAsync(item, ct);

    public async Task<SaveResult> CreateAsync(ContentInput input, SaveAction action, string? userId, Guid? translationGroupId = null, int? translatedFromId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!SiteCultures.IsSupported(input.Culture))
        {
            throw new ArgumentException($"Unsupported culture '{input.Culture}'.", nameof(input));
        }

        var now = Now;
        if (CheckTimes(input, action, now) is { } invalid)
        {
            return new SaveResult(invalid);
        }

        var groupId = translationGroupId ?? Guid.NewGuid();
        if (translationGroupId is not null && await Items.AnyAsync(x => x.TranslationGroupId == groupId && x.Culture == input.Culture))
        {
            return new SaveResult(SaveOutcome.CultureTaken);
        }

        var fields = input.Fields ?? Definition.NewFields();
        var images = await media.ImagesInTextAsync(input.Body, input.Culture);
        if (await CheckContentAsync(input, fields, input.Culture, before: null, current: null, images, action, checkAlt: translatedFromId is null) is { } refused)
        {
            return refused;
        }

        var slug = await ChooseSlugAsync(input, current: null);
        if (slug.Outcome != SaveOutcome.Saved)
        {
            return new SaveResult(slug.Outcome, Field: "Slug");
        }

        var item = new T
        {
            Culture = input.Culture,
            TranslationGroupId = groupId,
            TranslatedFromId = translatedFromId,
            CreatedUtc = now,
            CreatedById = userId,
            Version = 1,
            UnpublishUtc = input.UnpublishAtUtc,
        };
        var copy = Copy(input, slug.Slug, fields);
        ApplyToLive(item, copy, userId, now, textChanged: true, images);
        ApplyAction(item, input, action, now);

        Items.Add(item);
        await ForgetRedirectAsync(item.Culture, item.Slug);
        await db.SaveChangesAsync();

        await revisions.AddAsync(ContentType, item.Id, copy, KindOf(action));
        audit.Add(translatedFromId is null ? AuditActions.Create : AuditActions.Translate, ContentType, Id(item), Describe(item));
        AuditAction(item, action, wasPublished: false);
        await db.SaveChangesAsync();
        await NotifyAsync(item, ContentChangeKind.Created, liveChanged: true);
        return new SaveResult(SaveOutcome.Saved, item.Id);
    }

    /// <summary>
    /// Saves an edit. A draft changes in place. On a published item, <see cref="SaveAction.Draft"/> keeps the
    /// public version and stores the changes as a pending revision until they are published.
    /// </summary>
    public async Task<SaveResult> UpdateAsync(int id, ContentInput input, SaveAction action, string? userId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await FindAsync(id);
        if (item is null || item.DeletedUtc is not null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        if (item.Version != input.Version)
        {
            return new SaveResult(SaveOutcome.Conflict, id);
        }

        var now = Now;
        if (CheckTimes(input, action, now, item) is { } invalid)
        {
            return new SaveResult(invalid, id);
        }

        var slug = await ChooseSlugAsync(input, item);
        if (slug.Outcome != SaveOutcome.Saved)
        {
            return new SaveResult(slug.Outcome, id, Field: "Slug");
        }

        var before = await WorkingCopyAsync(item);
        var fields = input.Fields ?? before.Fields;
        var images = await media.ImagesInTextAsync(input.Body, item.Culture);
        if (await CheckContentAsync(input, fields, item.Culture, before.Fields, item, images, action, checkAlt: true) is { } refused)
        {
            return refused with { Id = id };
        }

        var copy = Copy(input, slug.Slug, fields);
        if (action != SaveAction.Draft && !input.Confirmed && await IsUntranslatedAsync(item, copy))
        {
            return new SaveResult(SaveOutcome.UntranslatedText, id);
        }

        var textChanged = before.Title != copy.Title || (before.Summary ?? "") != (copy.Summary ?? "") || before.Body != copy.Body
            || Definition.Serialize(before.Fields) != Definition.Serialize(copy.Fields);
        var wasPublished = item.Status == PublicationStatus.Published;
        item.UnpublishUtc = input.UnpublishAtUtc;

        var revision = await revisions.AddAsync(ContentType, item.Id, copy, KindOf(action));
        if (wasPublished && action == SaveAction.Draft)
        {
            // The public keeps the live version; the changes wait in the revision.
            item.PendingRevision = revision;
            item.UpdatedUtc = now;
            item.UpdatedById = userId;
            if (textChanged)
            {
                item.ContentChangedUtc = now;
            }
        }
        else
        {
            await ApplyToLiveWithRedirectAsync(item, copy, userId, now, textChanged, images);
            item.PendingRevisionId = null;
            item.PendingRevision = null;
            ApplyAction(item, input, action, now);
        }

        audit.Add(AuditActions.Edit, ContentType, Id(item), Describe(item));
        AuditAction(item, action, wasPublished);
        return await NotifyIfSavedAsync(await SaveVersionedAsync(item, input.Version), item, ContentChangeKind.Edited,
            liveChanged: !(wasPublished && action == SaveAction.Draft));
    }

    /// <summary>Publish now (with any pending changes) or unpublish back to a draft.</summary>
    /// <param name="confirmed">The editor confirmed publishing a translation whose text is still the original's.</param>
    public async Task<SaveResult> SetPublishedAsync(int id, bool published, string? userId, bool confirmed = false)
    {
        var item = await FindAsync(id);
        if (item is null || item.DeletedUtc is not null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        var now = Now;
        var expected = item.Version;
        var pending = await WorkingCopyAsync(item);
        if (published && !confirmed && await IsUntranslatedAsync(item, pending))
        {
            return new SaveResult(SaveOutcome.UntranslatedText, id);
        }

        if (item.PendingRevisionId is not null)
        {
            if (pending.Slug != item.Slug && await Items.AnyAsync(x => x.Culture == item.Culture && x.Slug == pending.Slug && x.Id != item.Id))
            {
                return new SaveResult(SaveOutcome.SlugTaken, id);
            }

            await ApplyToLiveWithRedirectAsync(item, pending, userId, now, textChanged: false, await media.ImagesInTextAsync(pending.Body, item.Culture));
            item.PendingRevisionId = null;
            item.PendingRevision = null;
        }

        if (published)
        {
            item.Status = PublicationStatus.Published;
            item.PublishedUtc = item.PublishedUtc is { } at && at <= now ? at : now;
            if (item.UnpublishUtc is { } until && until <= now)
            {
                item.UnpublishUtc = null; // publishing again brings an expired item back
            }
        }
        else
        {
            item.Status = PublicationStatus.Draft;
        }

        item.UpdatedById = userId;
        audit.Add(published ? AuditActions.Publish : AuditActions.Unpublish, ContentType, Id(item), Describe(item));
        return await NotifyIfSavedAsync(await SaveVersionedAsync(item, expected), item,
            published ? ContentChangeKind.Published : ContentChangeKind.Unpublished, liveChanged: true);
    }

    /// <summary>Brings back the text of revision <paramref name="number"/> as a new revision; nothing is overwritten.</summary>
    public async Task<SaveResult> RestoreRevisionAsync(int id, int number, string? userId)
    {
        var item = await FindAsync(id);
        var old = await revisions.FindAsync(ContentType, id, number);
        if (item is null || item.DeletedUtc is not null || old is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        var now = Now;
        var copy = RevisionStore.CopyOf(old);
        if (copy.Slug != item.Slug && await Items.AnyAsync(x => x.Culture == item.Culture && x.Slug == copy.Slug && x.Id != item.Id))
        {
            copy = copy with { Slug = (await WorkingCopyAsync(item)).Slug };
        }

        var expected = item.Version;
        var revision = await revisions.AddAsync(ContentType, id, copy, RevisionKinds.Restore, number);
        if (item.Status == PublicationStatus.Published)
        {
            item.PendingRevision = revision;
            item.UpdatedUtc = now;
            item.UpdatedById = userId;
            item.ContentChangedUtc = now;
        }
        else
        {
            await ApplyToLiveWithRedirectAsync(item, copy, userId, now, textChanged: true, await media.ImagesInTextAsync(copy.Body, item.Culture));
        }

        audit.Add(AuditActions.Restore, ContentType, Id(item), $"{Describe(item)} ← r{number}");
        return await NotifyIfSavedAsync(await SaveVersionedAsync(item, expected), item, ContentChangeKind.RevisionRestored,
            liveChanged: item.Status != PublicationStatus.Published);
    }

    /// <summary>Moves an item to the trash. It leaves the site; its translations stay as they are.</summary>
    public async Task<bool> TrashAsync(int id)
    {
        var item = await FindAsync(id);
        if (item is null || item.DeletedUtc is not null || !Definition.CanCreate || Definition.IsFixed(item.Slug))
        {
            return false;
        }

        item.DeletedUtc = Now;
        item.Version++;
        audit.Add(AuditActions.Delete, ContentType, Id(item), Describe(item));
        await db.SaveChangesAsync();
        await NotifyAsync(item, ContentChangeKind.Trashed, liveChanged: true);
        return true;
    }

    /// <summary>Takes an item out of the trash, with its translation group and state as they were.</summary>
    public async Task<bool> RestoreFromTrashAsync(int id)
    {
        var item = await FindAsync(id);
        if (item is null || item.DeletedUtc is null)
        {
            return false;
        }

        item.DeletedUtc = null;
        item.Version++;
        audit.Add(AuditActions.Restore, ContentType, Id(item), $"{Describe(item)} (trash)");
        await db.SaveChangesAsync();
        await NotifyAsync(item, ContentChangeKind.RestoredFromTrash, liveChanged: true);
        return true;
    }

    /// <summary>Deletes a trashed item for good, with its revisions, share links and redirects.</summary>
    public async Task<bool> PurgeAsync(int id, StaffActor? actor = null)
    {
        var item = await FindAsync(id);
        if (item is null || item.DeletedUtc is null)
        {
            return false;
        }

        await PurgeItemAsync(item, actor);
        return true;
    }

    /// <summary>Purges what has been in the trash longer than <paramref name="retention"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(TimeSpan retention)
    {
        var cutoff = Now - retention;
        var expired = await Items.Where(x => x.DeletedUtc != null && x.DeletedUtc < cutoff).ToListAsync();
        foreach (var item in expired)
        {
            await PurgeItemAsync(item, new StaffActor(null, "retention"));
        }

        return expired.Count;
    }

    /// <summary>
    /// "Translate to…": a draft in <paramref name="culture"/> in the same group, prefilled with what the public sees of
    /// the source (not its unpublished changes). A fixed page keeps its address. Returns the existing translation when
    /// there already is one.
    /// </summary>
    public async Task<SaveResult> CreateTranslationAsync(int sourceId, string culture, string? userId)
    {
        var source = await FindAsync(sourceId);
        if (source is null || source.DeletedUtc is not null || !SiteCultures.IsSupported(culture))
        {
            return new SaveResult(SaveOutcome.NotFound);
        }

        var existing = await Items.FirstOrDefaultAsync(x => x.TranslationGroupId == source.TranslationGroupId && x.Culture == culture);
        if (existing is not null)
        {
            return new SaveResult(SaveOutcome.CultureTaken, existing.Id);
        }

        var copy = source.PublishedUtc is null ? await WorkingCopyAsync(source) : RevisionStore.LiveCopy(source);
        var slug = Definition.IsFixed(source.Slug) ? source.Slug : null;
        var input = new ContentInput(culture, copy.Title, slug, copy.Summary, copy.Body, Version: 0,
            Fields: Definition.ForTranslation(copy.Fields, culture));
        return await CreateAsync(input, SaveAction.Draft, userId, source.TranslationGroupId, source.Id);
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

        var formerGroup = item.TranslationGroupId;
        item.TranslationGroupId = target.TranslationGroupId;
        item.Version++;
        audit.Add(AuditActions.Link, ContentType, Id(item), $"{Describe(item)} → #{target.Id}");
        await db.SaveChangesAsync();
        await NotifyAsync(item, ContentChangeKind.TranslationsChanged, liveChanged: true, formerGroup);
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

        var formerGroup = item.TranslationGroupId;
        item.TranslationGroupId = Guid.NewGuid();
        item.TranslatedFromId = null;
        item.Version++;
        audit.Add(AuditActions.Unlink, ContentType, Id(item), Describe(item));
        await db.SaveChangesAsync();
        await NotifyAsync(item, ContentChangeKind.TranslationsChanged, liveChanged: true, formerGroup);
        return true;
    }

    private async Task PurgeItemAsync(T item, StaffActor? actor)
    {
        // The item goes first: it may point at one of its revisions.
        var id = item.Id;
        Items.Remove(item);
        audit.Add(AuditActions.Purge, ContentType, Id(item), Describe(item), actor);
        await db.SaveChangesAsync();
        await db.SlugRedirects.Where(r => r.ContentType == ContentType && r.ItemId == id).ExecuteDeleteAsync();
        await db.ShareLinks.Where(l => l.ContentType == ContentType && l.ItemId == id).ExecuteDeleteAsync();
        await revisions.DeleteAllAsync(ContentType, id);
        await NotifyAsync(item, ContentChangeKind.Purged, liveChanged: true);
    }

    private async Task<SaveResult> NotifyIfSavedAsync(SaveResult result, T item, ContentChangeKind kind, bool liveChanged)
    {
        if (result.Succeeded)
        {
            await NotifyAsync(item, kind, liveChanged);
        }

        return result;
    }

    private async Task NotifyAsync(T item, ContentChangeKind kind, bool liveChanged, Guid? formerGroup = null)
    {
        var change = new ContentChange(Definition, item.Id, item.Culture, item.TranslationGroupId, item.Slug, kind, liveChanged, formerGroup);
        foreach (var listener in services.GetServices<IContentChangeListener>())
        {
            try
            {
                await listener.OnChangedAsync(change, CancellationToken.None);
            }
#pragma warning disable CA1031 // a listener (index, cache) must never undo or fail a save that is already stored
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenerFailed(services.GetRequiredService<ILogger<ContentEditor<T>>>(), ex, listener.GetType().Name, kind);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A content change listener {Listener} failed after {Kind}")]
    private static partial void LogListenerFailed(ILogger logger, Exception ex, string listener, ContentChangeKind kind);

    private static SaveOutcome? CheckTimes(ContentInput input, SaveAction action, DateTime now, T? current = null)
    {
        if (action == SaveAction.Schedule && (input.PublishAtUtc is not { } at || at <= now))
        {
            return SaveOutcome.ScheduleInPast;
        }

        var goesLive = action switch
        {
            SaveAction.Schedule => input.PublishAtUtc,
            SaveAction.Publish => now,
            _ => current?.PublishedUtc,
        };
        if (input.UnpublishAtUtc is { } until && (until <= now || (goesLive is { } from && until <= from)))
        {
            return SaveOutcome.UnpublishBeforePublish;
        }

        return null;
    }

    private static void ApplyAction(T item, ContentInput input, SaveAction action, DateTime now)
    {
        switch (action)
        {
            case SaveAction.Publish:
                item.Status = PublicationStatus.Published;
                item.PublishedUtc = item.PublishedUtc is { } at && at <= now ? at : now;
                break;
            case SaveAction.Schedule:
                item.Status = PublicationStatus.Published;
                item.PublishedUtc = input.PublishAtUtc;
                break;
            default:
                if (item.Status != PublicationStatus.Published)
                {
                    item.Status = PublicationStatus.Draft;
                }

                break;
        }
    }

    private void AuditAction(T item, SaveAction action, bool wasPublished)
    {
        if (action == SaveAction.Schedule)
        {
            audit.Add(AuditActions.Schedule, ContentType, Id(item), $"{Describe(item)} @ {item.PublishedUtc:yyyy-MM-dd HH:mm}Z");
        }
        else if (action == SaveAction.Publish && (!wasPublished || item.PendingRevisionId is null))
        {
            audit.Add(AuditActions.Publish, ContentType, Id(item), Describe(item));
        }
    }

    private static string KindOf(SaveAction action) => action switch
    {
        SaveAction.Publish => RevisionKinds.Publish,
        SaveAction.Schedule => RevisionKinds.Schedule,
        _ => RevisionKinds.Save,
    };

    private static WorkingCopy Copy(ContentInput input, string slug, ContentFields fields) =>
        new(input.Title.Trim(), slug, string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim(), input.Body, fields);

    private async Task ApplyToLiveWithRedirectAsync(T item, WorkingCopy copy, string? userId, DateTime now, bool textChanged, IReadOnlyDictionary<string, TextImage> images)
    {
        if (!string.Equals(item.Slug, copy.Slug, StringComparison.Ordinal))
        {
            await RememberRedirectAsync(item, copy.Slug);
        }

        ApplyToLive(item, copy, userId, now, textChanged, images);
    }

    private void ApplyToLive(T item, WorkingCopy copy, string? userId, DateTime now, bool textChanged, IReadOnlyDictionary<string, TextImage> images)
    {
        item.Title = copy.Title;
        item.Slug = copy.Slug;
        item.Summary = copy.Summary;
        item.BodyMarkdown = copy.Body;
        item.BodyHtml = renderer.ToSafeHtml(copy.Body, images);
        Definition.ApplyFields(item, copy.Fields);
        item.MediaRefs = Definition.MediaRefs(copy.Fields);

        item.UpdatedUtc = now;
        item.UpdatedById = userId;
        if (textChanged)
        {
            item.ContentChangedUtc = now;
        }
    }

    /// <summary>
    /// Everything a save checks before it writes: links in the text, the media the fields use, the type's own rules.
    /// A new media reference must be a library file of the field's kind; a new image needs alt text in the item's
    /// language (or is decorative), and so does an image in the text whose Markdown alt is empty. A translation made
    /// with "Translate to…" may keep such an image for now: public pages leave it out until the text is added.
    /// </summary>
    private async Task<SaveResult?> CheckContentAsync(ContentInput input, ContentFields fields, string culture, ContentFields? before, T? current, IReadOnlyDictionary<string, TextImage> images, SaveAction action, bool checkAlt)
    {
        if (MarkdownRenderer.RefusedLinks(input.Body).FirstOrDefault() is { } link)
        {
            return new SaveResult(SaveOutcome.InsecureLink, Field: "Body", Detail: link);
        }

        var known = before is null ? [] : Definition.MediaReferences(before).Select(r => r.MediaId).ToHashSet();
        foreach (var (field, mediaId, kind) in Definition.MediaReferences(fields))
        {
            if (known.Contains(mediaId))
            {
                continue;
            }

            var file = await db.Media.AsNoTracking()
                .Where(m => m.Id == mediaId && m.Kind == kind)
                .Select(m => new { m.IsDecorative, m.AltRu, m.AltTg, m.AltEn })
                .FirstOrDefaultAsync();
            if (file is null)
            {
                return new SaveResult(SaveOutcome.InvalidMedia, Field: "Fields." + field, Detail: kind.ToString());
            }

            var alt = culture switch { "ru" => file.AltRu, "tg" => file.AltTg, _ => file.AltEn };
            if (kind == MediaKind.Image && checkAlt && !file.IsDecorative && string.IsNullOrWhiteSpace(alt))
            {
                return new SaveResult(SaveOutcome.MediaWithoutAlt, Field: "Fields." + field);
            }
        }

        if (checkAlt)
        {
            foreach (System.Text.RegularExpressions.Match m in MediaQueries.ImageWithEmptyAlt().Matches(input.Body ?? ""))
            {
                if (images.TryGetValue(m.Groups[1].Value, out var image) && image.AltMissing)
                {
                    return new SaveResult(SaveOutcome.ImageWithoutAlt, Field: "Body");
                }
            }
        }

        var validation = new FieldValidation(services, culture, current, action != SaveAction.Draft, Now)
        {
            GoesPublicUtc = action switch { SaveAction.Publish => Now, SaveAction.Schedule => input.PublishAtUtc, _ => null },
        };
        await Definition.ValidateAsync(fields, validation);
        if (validation.Errors.FirstOrDefault() is { Field: not null } error)
        {
            return new SaveResult(SaveOutcome.InvalidField, Field: "Fields." + error.Field, Detail: error.Message);
        }

        if (!input.Confirmed && validation.Warnings.FirstOrDefault() is { } warning)
        {
            return new SaveResult(SaveOutcome.NeedsConfirmation, Detail: warning);
        }

        return null;
    }

    /// <summary>A translation whose title and text are still exactly what the public sees of its original.</summary>
    private async Task<bool> IsUntranslatedAsync(T item, WorkingCopy copy)
    {
        if (item.TranslatedFromId is not { } sourceId)
        {
            return false;
        }

        var source = await Items.AsNoTracking().Where(x => x.Id == sourceId && x.Culture != item.Culture)
            .Select(x => new { x.Title, x.BodyMarkdown }).FirstOrDefaultAsync();
        return source is not null && source.Title.Trim() == copy.Title.Trim() && source.BodyMarkdown.Trim() == copy.Body.Trim();
    }

    private static string Id(T item) => item.Id.ToString(CultureInfo.InvariantCulture);

    private static string Describe(T item) => $"[{item.Culture}] {item.Title}";

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
        var currentId = current?.Id ?? 0;
        if (current is not null && Definition.IsFixed(current.Slug))
        {
            return (SaveOutcome.Saved, current.Slug); // a fixed address never moves
        }

        var requested = string.IsNullOrWhiteSpace(input.Slug) ? null : SlugGenerator.Normalize(input.Slug);
        if (requested is not null)
        {
            if (!SlugGenerator.IsValid(requested))
            {
                return (SaveOutcome.InvalidSlug, "");
            }

            if (IsReserved(requested) && !Definition.IsFixed(requested))
            {
                return (SaveOutcome.ReservedSlug, "");
            }

            var taken = await Items.AnyAsync(x => x.Culture == culture && x.Slug == requested && x.Id != currentId);
            return taken ? (SaveOutcome.SlugTaken, "") : (SaveOutcome.Saved, requested);
        }

        // A blank slug keeps a published item's address; a draft follows its title.
        if (current is not null && current.PublishedUtc is not null)
        {
            return (SaveOutcome.Saved, current.Slug);
        }

        var baseSlug = SlugGenerator.FromTitle(input.Title);
        var candidate = baseSlug;
        for (var n = 2; IsReserved(candidate) || await Items.AnyAsync(x => x.Culture == culture && x.Slug == candidate && x.Id != currentId); n++)
        {
            candidate = $"{baseSlug}-{n}";
        }

        return (SaveOutcome.Saved, candidate);
    }

    /// <summary>An address that the site's own routes take in the type's section (news, search… at the root; past, calendar.ics under events).</summary>
    private bool IsReserved(string slug) => reserved.IsReserved(Definition.SectionPath, slug);

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
