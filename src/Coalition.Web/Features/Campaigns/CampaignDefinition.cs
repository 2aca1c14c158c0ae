using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Campaigns;

/// <summary>
/// Campaigns for 26 June and 10 December: <c>/{culture}/campaigns/{slug}</c>, with a window in which every public page
/// leads to them, materials, stories (news articles) and messages of support.
/// </summary>
public sealed class CampaignDefinition : ContentDefinition<Campaign, CampaignFields>
{
    public override string AdminSegment => "campaigns";
    public override string PluralName => "Campaigns";
    public override string SingularName => "Campaign";
    public override int MenuOrder => 20;
    public override string SectionPath => "campaigns";
    public override string FieldsPartial => "~/Areas/Admin/Views/Content/Fields/_Campaign.cshtml";
    public override string PublicView => "~/Views/Campaigns/Show.cshtml";

    /// <summary>The active campaign's banner is on every page of its language: a change evicts them all.</summary>
    public override bool ShownOnEveryPage => true;

    /// <summary>A campaign's page lists its stories.</summary>
    public override IReadOnlyList<Type> ShowsItemsOf => [typeof(NewsArticle)];

    /// <summary>The banner appears and goes at these times: no cached page outlives them.</summary>
    public override IReadOnlyList<string> ScheduleColumns => [nameof(Campaign.WindowStartUtc), nameof(Campaign.WindowEndUtc)];

    protected override CampaignFields Read(Campaign item) => new()
    {
        Year = item.Year,
        Day = item.Day,
        WindowStart = item.WindowStartUtc == default ? null : DushanbeTime.ToLocal(item.WindowStartUtc),
        WindowEnd = item.WindowEndUtc == default ? null : DushanbeTime.ToLocal(item.WindowEndUtc),
        ThemeLine = item.ThemeLine,
        CoverMediaId = item.CoverMediaId,
        Materials = item.Materials.Select(MaterialField.From).ToList(),
    };

    protected override void Apply(Campaign item, CampaignFields fields)
    {
        item.Year = fields.Year;
        item.Day = fields.Day;
        if (fields.WindowStart is { } start)
        {
            item.WindowStartUtc = DushanbeTime.ToUtc(start);
        }

        if (fields.WindowEnd is { } end)
        {
            item.WindowEndUtc = DushanbeTime.ToUtc(end);
        }

        item.ThemeLine = string.IsNullOrWhiteSpace(fields.ThemeLine) ? null : fields.ThemeLine.Trim();
        item.CoverMediaId = fields.CoverMediaId;
        item.Materials = fields.Materials.Where(m => !m.IsBlank).Select(m => m.ToMaterial()).ToList();
    }

    protected override async Task<object> PublicModelAsync(Campaign item, IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<CampaignPages>().PageAsync(item, form: null, ct);

    /// <summary>The cover, and each material from the library with the kind its column says.</summary>
    public override IEnumerable<(string Field, int MediaId, MediaKind Kind)> MediaReferences(ContentFields fields)
    {
        var campaign = (CampaignFields)fields;
        foreach (var reference in base.MediaReferences(fields))
        {
            yield return reference;
        }

        foreach (var material in campaign.Materials)
        {
            if (material.DocumentId is { } document)
            {
                yield return (nameof(CampaignFields.Materials), document, MediaKind.Document);
            }

            if (material.ImageId is { } image)
            {
                yield return (nameof(CampaignFields.Materials), image, MediaKind.Image);
            }
        }
    }

    protected override Task ValidateAsync(CampaignFields fields, FieldValidation validation)
    {
        if (fields.WindowStart is { } start && fields.WindowEnd is { } end && end <= start)
        {
            validation.Fail(nameof(fields.WindowEnd), "The window must close after it opens.");
        }

        // Empty rows of the form are not materials: they go before the revision is written.
        fields.Materials.RemoveAll(m => m.IsBlank);
        foreach (var material in fields.Materials)
        {
            if (MaterialProblem(material) is { } problem)
            {
                validation.Fail(nameof(fields.Materials), problem);
                break;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A material needs a label and exactly one source; a link must be an absolute https address.</summary>
    public static string? MaterialProblem(MaterialField material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var sources = (material.DocumentId is null ? 0 : 1) + (material.ImageId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(material.Url) ? 0 : 1);
        if (string.IsNullOrWhiteSpace(material.Label))
        {
            return "Each material needs a label.";
        }

        if (sources != 1)
        {
            return "Each material is one document, one image or one link.";
        }

        if (!string.IsNullOrWhiteSpace(material.Url)
            && !(Uri.TryCreate(material.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0))
        {
            return "A material link must start with https://.";
        }

        return null;
    }

    public override ContentFields ExampleFields(IReadOnlyDictionary<MediaKind, int> media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var fields = (CampaignFields)base.ExampleFields(media);
        fields.Day = CampaignDay.December10;
        fields.Year = 2030;
        fields.WindowStart = new DateTime(2030, 12, 1, 0, 0, 0, DateTimeKind.Unspecified);
        fields.WindowEnd = new DateTime(2030, 12, 15, 0, 0, 0, DateTimeKind.Unspecified);
        fields.Materials =
        [
            new MaterialField { Label = "Example leaflet", DocumentId = media[MediaKind.Document] },
            new MaterialField { Label = "Example video", Url = "https://video.example.org/watch/1" },
        ];
        return fields;
    }
}

public sealed class CampaignFields : ContentFields
{
    [Display(Name = "Year")]
    [Range(2000, 2100, ErrorMessage = "Enter a year between 2000 and 2100.")]
    public int Year { get; set; }

    [Display(Name = "Day")]
    public CampaignDay Day { get; set; }

    /// <summary>Dushanbe time.</summary>
    [Display(Name = "Window opens")]
    [Required(ErrorMessage = "Enter when the campaign window opens.")]
    public DateTime? WindowStart { get; set; }

    /// <summary>Dushanbe time.</summary>
    [Display(Name = "Window closes")]
    [Required(ErrorMessage = "Enter when the campaign window closes.")]
    public DateTime? WindowEnd { get; set; }

    [Display(Name = "Theme line")]
    [StringLength(300, ErrorMessage = "The theme line can be at most 300 characters.")]
    public string? ThemeLine { get; set; }

    [Display(Name = "Cover image")]
    [MediaReference(MediaKind.Image)]
    public int? CoverMediaId { get; set; }

    /// <summary>In the order shown; the media ids are reported by <see cref="CampaignDefinition.MediaReferences"/>.</summary>
    [Display(Name = "Materials")]
    public List<MaterialField> Materials { get; set; } = [];
}

/// <summary>One row of the materials in the form and in revisions.</summary>
public sealed class MaterialField
{
    [StringLength(200, ErrorMessage = "A material's label can be at most 200 characters.")]
    public string? Label { get; set; }

    public int? DocumentId { get; set; }

    public int? ImageId { get; set; }

    [StringLength(500, ErrorMessage = "A material link can be at most 500 characters.")]
    public string? Url { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && DocumentId is null && ImageId is null && string.IsNullOrWhiteSpace(Url);

    public static MaterialField From(CampaignMaterial m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new() { Label = m.Label, DocumentId = m.DocumentId, ImageId = m.ImageId, Url = m.Url };
    }

    public CampaignMaterial ToMaterial() => new() { Label = Label?.Trim() ?? "", DocumentId = DocumentId, ImageId = ImageId, Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim() };

    /// <summary>As the revision diff shows it.</summary>
    public override string ToString() =>
        $"{Label}: " + (DocumentId is { } d ? $"document #{d}" : ImageId is { } i ? $"image #{i}" : Url);
}
