using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Search;

/// <summary>Every saved change of any content type updates its search entry at once, on this instance.</summary>
public sealed class SearchIndexListener(SearchIndex index) : IContentChangeListener
{
    public Task OnChangedAsync(ContentChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        return index.UpdateAsync(change.Type, change.Id, ct);
    }
}
