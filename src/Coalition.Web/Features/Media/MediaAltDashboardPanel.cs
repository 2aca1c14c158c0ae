using System.Security.Claims;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Media;

/// <summary>The dashboard's "Images without alt text" block: each image lacking it in some language, linked to its page in the library.</summary>
public sealed class MediaAltDashboardPanel(CoalitionDbContext db, IStringLocalizer<SharedResource> t) : IDashboardPanel
{
    public const int Count = 10;

    public async Task<DashboardPanel?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var images = await db.Media.AsNoTracking()
            .Where(m => m.Kind == MediaKind.Image && !m.IsDecorative
                && (m.AltRu == null || m.AltRu == "" || m.AltTg == null || m.AltTg == "" || m.AltEn == null || m.AltEn == ""))
            .OrderByDescending(m => m.CreatedUtc)
            .Take(Count)
            .ToListAsync(ct);
        var items = images.Select(m => new DashboardPanelItem(
                m.DisplayName,
                $"/admin/media/{m.Id}",
                t["No alt text: {0}", string.Join(", ", SiteCultures.All.Where(c => string.IsNullOrWhiteSpace(m.AltFor(c))).Select(SiteCultures.NativeName))]))
            .ToList();
        return new DashboardPanel("Images without alt text", 500, items);
    }
}
