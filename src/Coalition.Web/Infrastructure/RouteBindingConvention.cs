using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Coalition.Web.Infrastructure;

/// <summary>
/// An action parameter named like a parameter of its route template (<c>id</c>, <c>key</c>, <c>culture</c>,
/// <c>code</c>, <c>linkId</c>…) binds from the route only, as if it had <c>[FromRoute]</c>. MVC's default order is form,
/// route, query: a form field <c>Id=24</c> posted to <c>/admin/news/26/edit</c> would otherwise edit item 24, and a GET
/// with a form body would choose the page. One convention, so no controller can forget the attribute.
/// </summary>
public sealed class RouteBindingConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        ArgumentNullException.ThrowIfNull(application);
        foreach (var controller in application.Controllers)
        {
            var controllerNames = NamesIn(controller.Selectors);
            foreach (var action in controller.Actions)
            {
                var names = NamesIn(action.Selectors);
                names.UnionWith(controllerNames);
                foreach (var parameter in action.Parameters)
                {
                    if (names.Contains(parameter.ParameterName) && parameter.BindingInfo?.BindingSource is null)
                    {
                        parameter.BindingInfo ??= new BindingInfo();
                        parameter.BindingInfo.BindingSource = BindingSource.Path;
                    }
                }
            }
        }
    }

    /// <summary>The parameter names of every attribute route on these selectors.</summary>
    internal static HashSet<string> NamesIn(IEnumerable<SelectorModel> selectors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in selectors.Select(s => s.AttributeRouteModel?.Template).OfType<string>())
        {
            try
            {
                names.UnionWith(RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name));
            }
            catch (RoutePatternException)
            {
                // A template MVC itself will reject at startup with a better message.
            }
        }

        return names;
    }
}
