using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Press;

/// <summary>
/// Press releases: <c>/{culture}/press/{slug}</c>, with a place line, attached documents and photos from the media
/// library, and the media contacts for the release. The embargo is the shared schedule: a release scheduled for a
/// future minute is hidden by <see cref="ContentVisibility"/> everywhere until then (see docs/decisions/0013-press-room.md).
/// </summary>
public sealed class PressReleaseDefinition : ContentDefinition<PressRelease, PressReleaseFields>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public override string AdminSegment => "press";
    public override string PluralName => "Press releases";
    public override string SingularName => "Press release";
    public override int MenuOrder => 40;
    public override string SectionPath => "press";
    public override string FieldsPartial => "~/Areas/Admin/Views/Content/Fields/_PressRelease.cshtml";
    public override string PublicView => "~/Views/Press/Show.cshtml";

    protected override PressReleaseFields Read(PressRelease item) => new()
    {
        PlaceLine = item.PlaceLine,
        Documents = DocumentsOf(item),
        Photos = PhotosOf(item),
        ContactIds = ContactIdsOf(item),
    };

    protected override void Apply(PressRelease item, PressReleaseFields fields)
    {
        item.PlaceLine = string.IsNullOrWhiteSpace(fields.PlaceLine) ? null : fields.PlaceLine.Trim();
        var documents = fields.Documents.Where(d => d.MediaId is not null).ToList();
        var photos = fields.Photos.Where(p => p.MediaId is not null).ToList();
        item.DocumentsJson = documents.Count == 0 ? null : JsonSerializer.Serialize(documents, Json);
        item.PhotosJson = photos.Count == 0 ? null : JsonSerializer.Serialize(photos, Json);
        item.ContactIds = fields.ContactIds.Count == 0 ? null
            : "|" + string.Join('|', fields.ContactIds.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture))) + "|";
    }

    public static List<PressDocumentField> DocumentsOf(PressRelease item) =>
        string.IsNullOrEmpty(item.DocumentsJson) ? [] : JsonSerializer.Deserialize<List<PressDocumentField>>(item.DocumentsJson, Json) ?? [];

    public static List<PressPhotoField> PhotosOf(PressRelease item) =>
        string.IsNullOrEmpty(item.PhotosJson) ? [] : JsonSerializer.Deserialize<List<PressPhotoField>>(item.PhotosJson, Json) ?? [];

    public static List<int> ContactIdsOf(PressRelease item) =>
        (item.ContactIds ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();

    /// <summary>Documents and photos sit in nested lists, so the generic attribute scan cannot see them.</summary>
    public override IEnumerable<(string Field, int MediaId, MediaKind Kind)> MediaReferences(ContentFields fields)
    {
        var f = (PressReleaseFields)fields;
        foreach (var d in f.Documents.Where(d => d.MediaId is not null))
        {
            yield return (nameof(PressReleaseFields.Documents), d.MediaId!.Value, MediaKind.Document);
        }

        foreach (var p in f.Photos.Where(p => p.MediaId is not null))
        {
            yield return (nameof(PressReleaseFields.Photos), p.MediaId!.Value, MediaKind.Image);
        }
    }

    public override IReadOnlyList<FieldValue> Describe(ContentFields fields, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        var f = (PressReleaseFields)fields;
        return base.Describe(new PressReleaseFields
        {
            PlaceLine = f.PlaceLine,
            Documents = f.Documents.Where(d => d.MediaId is not null).ToList(),
            Photos = f.Photos.Where(p => p.MediaId is not null).ToList(),
            ContactIds = f.ContactIds,
        }, text);
    }

    public override ContentFields ExampleFields(IReadOnlyDictionary<MediaKind, int> media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return new PressReleaseFields
        {
            PlaceLine = "Dushanbe",
            Documents = [new PressDocumentField { MediaId = media[MediaKind.Document], Language = "en" }],
            Photos = [new PressPhotoField { MediaId = media[MediaKind.Image], Credit = "Example credit", UsageNote = "Free for editorial use" }],
        };
    }

    protected override async Task<object> PublicModelAsync(PressRelease item, IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<PressRoomQueries>().ReleaseAsync(item, ct);

    protected override async Task ValidateAsync(PressReleaseFields fields, FieldValidation validation)
    {
        var db = validation.Services.GetRequiredService<CoalitionDbContext>();
        foreach (var d in fields.Documents.Where(d => d.MediaId is not null))
        {
            if (d.Language is { Length: > 0 } language && !SiteCultures.IsSupported(language))
            {
                validation.Fail(nameof(fields.Documents), "Choose the language of each document from the list.");
            }

            var format = await db.Media.AsNoTracking().Where(m => m.Id == d.MediaId).Select(m => m.Format).FirstOrDefaultAsync();
            if (format is not null && format != MediaFormats.Pdf.Name && format != MediaFormats.Docx.Name)
            {
                validation.Fail(nameof(fields.Documents), "Press releases attach PDF or DOCX documents only.");
            }
        }

        var contacts = fields.ContactIds.Distinct().ToList();
        if (contacts.Count > 0 && await db.Set<MediaContact>().CountAsync(c => contacts.Contains(c.Id)) != contacts.Count)
        {
            validation.Fail(nameof(fields.ContactIds), "Choose media contacts from the list.");
        }

        // The embargo is the scheduled time of the stored item: warn before it is lifted early or moved later.
        if (validation.Current is { Status: PublicationStatus.Published, PublishedUtc: { } embargo } current
            && embargo > validation.NowUtc && validation.GoesPublicUtc is { } goesPublic)
        {
            if (goesPublic <= validation.NowUtc)
            {
                validation.Warn("This release is under embargo. Publishing it now ends the embargo at once, before the time journalists were given.");
            }
            else if (goesPublic > embargo && await db.Set<PressAccessLink>().AnyAsync(l =>
                         l.PressReleaseId == current.Id && l.RevokedUtc == null && l.ExpiresUtc > validation.NowUtc))
            {
                validation.Warn("Access links to this release have been sent. Moving the embargo later does not tell their recipients: let them know the new time.");
            }
        }
    }
}

public sealed class PressReleaseFields : ContentFields
{

    /// <summary>Where the release was issued, printed before the text: "Dushanbe".</summary>
    [Display(Name = "Place line")]
    [StringLength(100, ErrorMessage = "The {0} field must be at most {1} characters.")]
    public string? PlaceLine { get; set; }

    /// <summary>PDF and DOCX files from the media library, in order, each in one language.</summary>
    /// (The form always offers empty rows to add to; they are not attachments, and the diff leaves them out.)
    [Display(Name = "Documents")]
    public List<PressDocumentField> Documents { get; set; } = [];

    /// <summary>Photos from the media library, in order, with their credit and usage note.</summary>
    [Display(Name = "Photos")]
    public List<PressPhotoField> Photos { get; set; } = [];

    /// <summary>The media contacts shown on this release.</summary>
    [Display(Name = "Media contacts")]
    public List<int> ContactIds { get; set; } = [];
}

public sealed class PressDocumentField
{
    public int? MediaId { get; set; }

    /// <summary>The language the document is written in (ru, tg, en); empty when it is not one language.</summary>
    [StringLength(5)]
    public string? Language { get; set; }

    public override string ToString() => MediaId is { } id ? $"#{id.ToString(CultureInfo.InvariantCulture)} {Language}".Trim() : "";
}

public sealed class PressPhotoField
{
    public int? MediaId { get; set; }

    [StringLength(200, ErrorMessage = "The {0} field must be at most {1} characters.")]
    public string? Credit { get; set; }

    /// <summary>How journalists may use the photo: "Free for editorial use, credit required".</summary>
    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters.")]
    public string? UsageNote { get; set; }

    public override string ToString() => MediaId is { } id ? $"#{id.ToString(CultureInfo.InvariantCulture)} © {Credit} — {UsageNote}" : "";
}
