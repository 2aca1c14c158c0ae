using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Press;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Press;

/// <summary>What the press room shows: releases (only through <see cref="ContentVisibility"/>), their files, contacts and the kit.</summary>
public sealed class PressRoomQueries(CoalitionDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<PressRelease> Public(string culture) =>
        db.Set<PressRelease>().AsNoTracking().Where(x => x.Culture == culture).VisibleToPublic(Now);

    public async Task<PagedList<PressListItem>> ListAsync(string culture, int? year, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Public(culture);
        if (year is { } y)
        {
            // Years are Dushanbe years; UTC+5 has no daylight saving, so the bounds are fixed.
            var from = DushanbeTime.ToUtc(new DateTime(y, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
            var to = DushanbeTime.ToUtc(new DateTime(y + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
            query = query.Where(x => x.PublishedUtc >= from && x.PublishedUtc < to);
        }

        var total = await query.CountAsync(ct);
        var pageCount = PagedList<PressListItem>.PagesFor(total, pageSize);
        var rows = await query.OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new { x.Id, x.Slug, x.Title, x.Summary, Published = x.PublishedUtc!.Value, x.PlaceLine, x.DocumentsJson })
            .ToListAsync(ct);
        var documents = await DocumentsAsync(rows.SelectMany(r => PressReleaseDefinition.DocumentsOf(new PressRelease { DocumentsJson = r.DocumentsJson })), ct);
        var items = rows.Select(r => new PressListItem(r.Id, r.Slug, r.Title, r.Summary, r.Published, r.PlaceLine,
            PressReleaseDefinition.DocumentsOf(new PressRelease { DocumentsJson = r.DocumentsJson })
                .Select(d => documents.GetValueOrDefault(d.MediaId!.Value) is { } doc ? doc with { Language = d.Language } : null)
                .OfType<PressDocument>().ToList())).ToList();
        return new PagedList<PressListItem>(items, page, pageCount, total);
    }

    /// <summary>The Dushanbe years that have public releases in <paramref name="culture"/>, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string culture, CancellationToken ct = default)
    {
        var dates = await Public(culture).Select(x => x.PublishedUtc!.Value).ToListAsync(ct);
        return dates.Select(d => DushanbeTime.ToLocal(d).Year).Distinct().OrderDescending().ToList();
    }

    /// <summary>The newest public releases with their whole text, for the feed.</summary>
    public async Task<IReadOnlyList<PressRelease>> LatestAsync(string culture, int count, CancellationToken ct = default) =>
        await Public(culture).OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id).Take(count).ToListAsync(ct);

    public async Task<PressReleaseViewModel> ReleaseAsync(PressRelease item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var documentFields = PressReleaseDefinition.DocumentsOf(item);
        var photoFields = PressReleaseDefinition.PhotosOf(item);
        var documents = await DocumentsAsync(documentFields, ct);
        var photos = await PhotosAsync(photoFields.Select(p => p.MediaId!.Value), item.Culture, ct);
        var contactIds = PressReleaseDefinition.ContactIdsOf(item);
        var contacts = (await ContactsAsync(item.Culture, onlyListed: false, contactIds, ct))
            .OrderBy(c => contactIds.IndexOf(c.Id)).ToList();
        return new PressReleaseViewModel(
            item.Id,
            item.Culture,
            item.Slug,
            item.Title,
            item.Summary,
            item.BodyHtml,
            item.PublishedUtc,
            item.PlaceLine,
            documentFields.Select(d => documents.GetValueOrDefault(d.MediaId!.Value) is { } doc ? doc with { Language = d.Language } : null).OfType<PressDocument>().ToList(),
            photoFields.Select(p => photos.GetValueOrDefault(p.MediaId!.Value) is { } photo ? photo with { Credit = p.Credit, UsageNote = p.UsageNote } : null).OfType<PressPhoto>().ToList(),
            contacts);
    }

    /// <summary>The media contacts in the page's language: the listed ones in order, or the given ones.</summary>
    public async Task<IReadOnlyList<PressContactView>> ContactsAsync(string culture, bool onlyListed = true, IReadOnlyList<int>? ids = null, CancellationToken ct = default)
    {
        var query = db.Set<MediaContact>().AsNoTracking();
        if (ids is not null)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            query = query.Where(c => ids.Contains(c.Id));
        }

        if (onlyListed)
        {
            query = query.Where(c => c.Listed);
        }

        var contacts = await query.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        return contacts.Select(c => ToView(c, culture)).ToList();
    }

    public static PressContactView ToView(MediaContact c, string culture)
    {
        ArgumentNullException.ThrowIfNull(c);
        var languages = c.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(SiteCultures.IsSupported)
            .Select(code => LanguageName(code, culture))
            .ToList();
        return new PressContactView(c.Id, c.Name, c.RoleFor(culture), languages, c.Email, c.Phone, c.NoteFor(culture));
    }

    /// <summary>"Tajik", "таджикский", "тоҷикӣ": a language's name in the page's language.</summary>
    public static string LanguageName(string code, string pageCulture) => (code, pageCulture) switch
    {
        ("ru", "ru") => "русский",
        ("tg", "ru") => "таджикский",
        ("en", "ru") => "английский",
        ("ru", "tg") => "русӣ",
        ("tg", "tg") => "тоҷикӣ",
        ("en", "tg") => "англисӣ",
        ("ru", _) => "Russian",
        ("tg", _) => "Tajik",
        _ => "English",
    };

    /// <summary>The press kit's files, in the staff's order.</summary>
    public async Task<(IReadOnlyList<PressDocument> Documents, IReadOnlyList<PressPhoto> Photos, IReadOnlyList<MediaItem> Files)> KitAsync(string culture, CancellationToken ct = default)
    {
        var items = await db.Set<PressKitItem>().AsNoTracking().Include(k => k.Media)
            .OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
        var documents = new List<PressDocument>();
        var photos = new List<PressPhoto>();
        foreach (var k in items.Where(k => k.Media is not null))
        {
            var caption = k.CaptionFor(culture);
            if (k.Media!.Kind == MediaKind.Document && DocumentOf(k.Media) is { } doc)
            {
                documents.Add(caption is { Length: > 0 } ? doc with { DisplayName = caption } : doc);
            }
            else if (PhotoOf(k.Media, culture) is { } photo)
            {
                photos.Add(photo with { Credit = k.Credit, Caption = caption });
            }
        }

        return (documents, photos, items.Select(k => k.Media).OfType<MediaItem>().ToList());
    }

    /// <summary>
    /// The library file named <paramref name="storedName"/> when the release uses it, as a document or a photo
    /// (any of the photo's variants); null otherwise.
    /// </summary>
    public async Task<MediaItem?> ReleaseFileAsync(PressRelease release, string storedName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (!StoredNames.IsValid(storedName))
        {
            return null;
        }

        var ids = PressReleaseDefinition.DocumentsOf(release).Select(d => d.MediaId!.Value)
            .Concat(PressReleaseDefinition.PhotosOf(release).Select(p => p.MediaId!.Value)).ToList();
        var key = storedName[..32];
        return await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.StorageKey == key && ids.Contains(m.Id), ct);
    }

    /// <summary>The library file named <paramref name="storedName"/> when it is in the press kit.</summary>
    public async Task<MediaItem?> KitFileAsync(string storedName, CancellationToken ct = default)
    {
        if (!StoredNames.IsValid(storedName))
        {
            return null;
        }

        var key = storedName[..32];
        return await db.Set<PressKitItem>().AsNoTracking().Where(k => k.Media!.StorageKey == key).Select(k => k.Media).FirstOrDefaultAsync(ct);
    }

    private async Task<Dictionary<int, PressDocument>> DocumentsAsync(IEnumerable<PressDocumentField> fields, CancellationToken ct)
    {
        var ids = fields.Where(f => f.MediaId is not null).Select(f => f.MediaId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Kind == MediaKind.Document).ToListAsync(ct);
        return items.Select(DocumentOf).OfType<PressDocument>().ToDictionary(d => d.MediaId);
    }

    private async Task<Dictionary<int, PressPhoto>> PhotosAsync(IEnumerable<int> ids, string culture, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var items = await db.Media.AsNoTracking().Where(m => wanted.Contains(m.Id) && m.Kind == MediaKind.Image).ToListAsync(ct);
        return items.Select(m => PhotoOf(m, culture)).OfType<PressPhoto>().ToDictionary(p => p.MediaId);
    }

    public static PressDocument? DocumentOf(MediaItem m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return MediaFormats.FromName(m.Format) is { } format
            ? new PressDocument(m.Id, StoredNames.Document(m.StorageKey, format.StoredExtension), m.DisplayName, format.Label, format.ContentType, m.SizeBytes, null)
            : null;
    }

    /// <summary>A photo that may be shown in <paramref name="culture"/> (it has alt text there, or is decorative).</summary>
    public static PressPhoto? PhotoOf(MediaItem m, string culture)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (MediaImage.For(m, culture) is not { } image)
        {
            return null;
        }

        var largest = image.Widths[^1];
        return new PressPhoto(m.Id, image, StoredNames.ImageVariant(m.StorageKey, largest, "jpg"), largest, null, null);
    }

    /// <summary>"1.2 MB": a file size for people, in the current culture.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Format(CultureInfo.CurrentCulture, "{0:0} KB", Math.Max(1, bytes / 1024.0)),
        _ => string.Format(CultureInfo.CurrentCulture, "{0:0.0} MB", bytes / (1024.0 * 1024)),
    };
}
