using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coalition.Web.Infrastructure;

/// <summary>
/// Wraps a form value provider factory so that GET, HEAD, OPTIONS and TRACE never read a request body. A GET with a
/// form body could otherwise choose what a page shows, and a broken multipart body on a GET would fail the request.
/// </summary>
public sealed class SafeMethodFormValueProviders(IValueProviderFactory inner) : IValueProviderFactory
{
    public IValueProviderFactory Inner => inner;

    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.ActionContext.HttpContext.Request.Method;
        return HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
            ? Task.CompletedTask
            : inner.CreateValueProviderAsync(context);
    }

    /// <summary>
    /// Route values first, then the form (unsafe methods only), then the query: a model's <c>Id</c> property cannot
    /// be retargeted by a form field when the URL names the item.
    /// </summary>
    internal static void Reorder(IList<IValueProviderFactory> factories)
    {
        var route = factories.OfType<RouteValueProviderFactory>().ToList();
        foreach (var r in route)
        {
            factories.Remove(r);
        }

        for (var i = 0; i < factories.Count; i++)
        {
            if (factories[i] is FormValueProviderFactory or FormFileValueProviderFactory or JQueryFormValueProviderFactory)
            {
                factories[i] = new SafeMethodFormValueProviders(factories[i]);
            }
        }

        for (var i = route.Count - 1; i >= 0; i--)
        {
            factories.Insert(0, route[i]);
        }
    }
}
