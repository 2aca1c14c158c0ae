using System.Security.Claims;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Events;

/// <summary>The dashboard block "Registrations": upcoming events that are nearly full, full, or whose registration closes soon.</summary>
public sealed class EventsDashboardPanel(
    RegistrationAdmin admin,
    IAuthorizationService authorization,
    IOptions<EventOptions> options,
    IStringLocalizer<SharedResource> t,
    TimeProvider clock) : IDashboardPanel
{
    public async Task<DashboardPanel?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.ViewRegistrations)).Succeeded)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        var items = (await admin.OverviewAsync(SiteCultures.Current, ct))
            .Where(e => e.StartUtc > now && !e.Cancelled)
            .Select(e => (Row: e, Note: e.Places.State == RegistrationState.WaitingList ? t["Full: {0} waiting", e.Places.Waiting].Value
                : e.Places.State == RegistrationState.Open && e.Places.Left <= o.AlmostFullPlaces ? t["{0} places left", e.Places.Left].Value
                : e.Places.State == RegistrationState.Open && e.StartUtc <= now.AddDays(o.ClosingSoonDays) ? t["Registration closes soon"].Value
                : null))
            .Where(x => x.Note is not null)
            .OrderBy(x => x.Row.StartUtc)
            .Select(x => new DashboardPanelItem(x.Row.Title, $"/admin/registrations/{x.Row.EventId}", $"{DushanbeTime.FormatDateTime(x.Row.StartUtc)} · {x.Note}"))
            .ToList();
        return items.Count == 0 ? null : new DashboardPanel("Registrations", 40, items);
    }
}
