using System.Reflection;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.ViewComponents;

/// <summary>
/// Puts an admin controller that is not a content type (media, moderation, registrations…) in the admin menu.
/// The controller's <c>[Route]</c> is the link; its <c>[Authorize(Policy = …)]</c> decides who sees the entry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdminMenuAttribute(string label, int order) : Attribute
{
    /// <summary>A key of the shared resource file.</summary>
    public string Label { get; } = label;

    /// <summary>Position among the content types' <see cref="ContentDefinition.MenuOrder"/>.</summary>
    public int Order { get; } = order;
}

public sealed record AdminMenuEntry(string Label, string Path, int Order);

/// <summary>The admin menu: every content definition, then every controller marked <see cref="AdminMenuAttribute"/>, that this user may open.</summary>
public sealed class AdminMenuViewComponent(IAuthorizationService authorization) : ViewComponent
{
    private static readonly IReadOnlyList<(AdminMenuEntry Entry, string[] Policies)> Sections = typeof(AdminMenuViewComponent).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<AdminMenuAttribute>() is not null && t.GetCustomAttribute<RouteAttribute>() is not null)
        .Select(t => (
            new AdminMenuEntry(t.GetCustomAttribute<AdminMenuAttribute>()!.Label, "/" + t.GetCustomAttribute<RouteAttribute>()!.Template.Trim('/'), t.GetCustomAttribute<AdminMenuAttribute>()!.Order),
            t.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => a.Policy).OfType<string>().Distinct().ToArray()))
        .ToList();

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var entries = ContentTypes.All.Select(d => new AdminMenuEntry(d.PluralName, "/admin/" + d.AdminSegment, d.MenuOrder)).ToList();
        foreach (var (entry, policies) in Sections)
        {
            var allowed = true;
            foreach (var policy in policies)
            {
                allowed &= (await authorization.AuthorizeAsync(UserClaimsPrincipal, policy)).Succeeded;
            }

            if (allowed)
            {
                entries.Add(entry);
            }
        }

        return View(entries.OrderBy(e => e.Order).ThenBy(e => e.Path, StringComparer.Ordinal).ToList());
    }
}
