using System.Reflection;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// One <see cref="ContentAdminController{T}"/> per content definition, at <c>/admin/{AdminSegment}</c>: a new type
/// gets its whole admin (list, editor, history, trash…) from its definition, without a controller of its own.
/// </summary>
public sealed class ContentAdminControllers : IApplicationFeatureProvider<ControllerFeature>, IControllerModelConvention
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        foreach (var definition in ContentTypes.All)
        {
            var controller = typeof(ContentAdminController<>).MakeGenericType(definition.EntityType).GetTypeInfo();
            if (!feature.Controllers.Contains(controller))
            {
                feature.Controllers.Add(controller);
            }
        }
    }

    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (!controller.ControllerType.IsGenericType || controller.ControllerType.GetGenericTypeDefinition() != typeof(ContentAdminController<>))
        {
            return;
        }

        var definition = ContentTypes.For(controller.ControllerType.GenericTypeArguments[0]);
        controller.ControllerName = definition.AdminSegment;
        controller.RouteValues["controller"] = definition.AdminSegment;
        var route = new AttributeRouteModel { Template = "admin/" + definition.AdminSegment };
        if (controller.Selectors.Count == 0)
        {
            controller.Selectors.Add(new SelectorModel());
        }

        foreach (var selector in controller.Selectors)
        {
            selector.AttributeRouteModel = route;
        }
    }
}
