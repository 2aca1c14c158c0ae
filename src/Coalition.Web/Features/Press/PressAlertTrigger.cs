using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Press;

/// <summary>Wakes the alert job when a press release is published now, so its alerts leave within seconds.</summary>
public sealed class PressAlertTrigger(PressAlerts alerts) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Type.EntityType == typeof(PressRelease) && change.LiveChanged
            && change.Kind is ContentChangeKind.Published or ContentChangeKind.Created or ContentChangeKind.Edited)
        {
            alerts.Poke();
        }

        return Task.CompletedTask;
    }
}
