using System.Globalization;
using System.Security.Claims;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.LegalAid;

/// <summary>For Legal Aid members: how many requests nobody has opened yet. Counts only: the dashboard is not unlocked.</summary>
public sealed class LegalAidDashboardPanel(CoalitionDbContext db, IStringLocalizer<SharedResource> t) : IDashboardPanel
{
    public async Task<DashboardPanel?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(Roles.LegalAid))
        {
            return null;
        }

        var unopened = await db.LegalAidRequests.CountAsync(r => r.FirstOpenedUtc == null && r.Status != LegalAidStatus.Closed, ct);
        return unopened == 0
            ? null
            : new DashboardPanel("Legal Aid inbox", 50, [new DashboardPanelItem(
                t["Requests not opened yet: {0}", unopened.ToString(CultureInfo.CurrentCulture)], "/admin/legal-aid")]);
    }
}
