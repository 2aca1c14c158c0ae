using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Events;

/// <summary>
/// Staff raise an event's capacity in the ordinary edit form: when the save (or the publish) reaches the public, the
/// first people waiting take the new places in the same request and get their "a place is free" mail
/// (<see cref="EventRegistrations.LiveEventChangedAsync"/>). A save that stays pending in a revision changes nothing.
/// </summary>
public sealed class EventCapacityListener(IServiceScopeFactory scopes) : IContentChangeListener
{
    public async Task OnChangedAsync(ContentChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Type.EntityType != typeof(Event) || !change.LiveChanged || change.Kind == ContentChangeKind.Purged)
        {
            return;
        }

        // Its own scope: the list lock clears its context's change tracker, which must not be the editor's.
        await using var scope = scopes.CreateAsyncScope();
        var takeItsCapacity = change.Kind is ContentChangeKind.Created or ContentChangeKind.Edited or ContentChangeKind.Published or ContentChangeKind.RevisionRestored;
        await scope.ServiceProvider.GetRequiredService<EventRegistrations>().LiveEventChangedAsync(change.Id, takeItsCapacity, ct);
    }
}
