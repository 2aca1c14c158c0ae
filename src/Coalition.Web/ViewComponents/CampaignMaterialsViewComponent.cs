using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.ViewComponents;

/// <summary>
/// The materials rows of the campaign form, without JavaScript: the current rows in order, then <see cref="BlankRows"/>
/// empty ones; each row is a label and one of a library document, a library image or an https link.
/// </summary>
public sealed class CampaignMaterialsViewComponent(CoalitionDbContext db) : ViewComponent
{
    public const int BlankRows = 3;

    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyList<MaterialField> materials)
    {
        var used = materials.SelectMany(m => new[] { m.DocumentId, m.ImageId }).OfType<int>().ToList();
        var files = await db.Media.AsNoTracking()
            .OrderByDescending(m => used.Contains(m.Id)).ThenByDescending(m => m.CreatedUtc)
            .Take(300)
            .Select(m => new MaterialChoice(m.Id, m.Kind, m.DisplayName, m.Format))
            .ToListAsync(HttpContext.RequestAborted);
        var rows = materials.Concat(Enumerable.Range(0, BlankRows).Select(_ => new MaterialField())).ToList();
        return View(new CampaignMaterialsViewModel(rows,
            files.Where(f => f.Kind == MediaKind.Document).ToList(),
            files.Where(f => f.Kind == MediaKind.Image).ToList()));
    }
}

public sealed record MaterialChoice(int Id, MediaKind Kind, string DisplayName, string Format);

public sealed record CampaignMaterialsViewModel(IReadOnlyList<MaterialField> Rows, IReadOnlyList<MaterialChoice> Documents, IReadOnlyList<MaterialChoice> Images);

/// <summary>The "Campaign" field of a news article: which campaign, if any, it is a story of.</summary>
public sealed class CampaignPickerViewComponent(CoalitionDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? selected, string culture)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.DeletedUtc == null)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Day)
            .Select(c => new { c.TranslationGroupId, c.Culture, c.Title, c.Year, c.Day })
            .ToListAsync(HttpContext.RequestAborted);
        // One entry per campaign: its title in the article's language where it has one.
        var choices = campaigns.GroupBy(c => c.TranslationGroupId)
            .Select(g => g.FirstOrDefault(c => c.Culture == culture) ?? g.First())
            .Select(c => new CampaignChoice(c.TranslationGroupId, c.Title, c.Year, c.Day))
            .ToList();
        return View(new CampaignPickerViewModel(selected, choices));
    }
}

public sealed record CampaignChoice(Guid GroupId, string Title, int Year, CampaignDay Day);

public sealed record CampaignPickerViewModel(Guid? Selected, IReadOnlyList<CampaignChoice> Choices);
