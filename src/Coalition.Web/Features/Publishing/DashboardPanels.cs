using System.Security.Claims;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// A block of the dashboard that says what needs doing in one feature (messages to moderate, events about to fill…).
/// Register implementations with <c>services.AddScoped&lt;IDashboardPanel, …&gt;()</c>; the dashboard shows every
/// panel that returns something for this user, in <see cref="DashboardPanel.Order"/>.
/// </summary>
public interface IDashboardPanel
{
    /// <returns>The panel, or null when it has nothing for this user (no permission, nothing to do).</returns>
    Task<DashboardPanel?> BuildAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <param name="Title">A key of the shared resource file.</param>
/// <param name="Items">Each links to the place to act.</param>
public sealed record DashboardPanel(string Title, int Order, IReadOnlyList<DashboardPanelItem> Items);

/// <param name="Text">Already localised.</param>
public sealed record DashboardPanelItem(string Text, string Link, string? Note = null);
