using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Coalition.Web.Infrastructure;

/// <summary>
/// Antiforgery is the first code that reads a POST's form, and it turns every failure to read it into "token
/// invalid" (400). A body over Kestrel's limit (declared or chunked) and a form over its limits (200 fields, 1 MB a
/// field) are too large, not forged: this decorator notes why the form could not be read, and
/// <see cref="OversizedBodyResultFilter"/> answers those with 413. A malformed body stays 400.
/// </summary>
public sealed class OversizedBodyAntiforgery(IAntiforgery inner) : IAntiforgery
{
    internal const string TooLargeKey = "coalition.body-too-large";

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        try
        {
            return await inner.IsRequestValidAsync(httpContext);
        }
        catch (AntiforgeryValidationException e)
        {
            Note(httpContext, e);
            throw;
        }
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        try
        {
            await inner.ValidateRequestAsync(httpContext);
        }
        catch (AntiforgeryValidationException e)
        {
            Note(httpContext, e);
            throw;
        }
    }

    /// <summary>Whether reading the body failed because it was over a size or count limit.</summary>
    internal static bool IsTooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Note(HttpContext httpContext, Exception e)
    {
        if (IsTooLarge(e))
        {
            httpContext.Items[TooLargeKey] = true;
        }
    }

    /// <summary>Replaces the registered antiforgery service with this decorator around it.</summary>
    internal static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(IAntiforgery), sp => new OversizedBodyAntiforgery(
            original.ImplementationFactory is { } factory ? (IAntiforgery)factory(sp)
            : original.ImplementationInstance is IAntiforgery instance ? instance
            : (IAntiforgery)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)), original.Lifetime));
    }
}

/// <summary>Turns the antiforgery 400 of a body that was too large to read into 413.</summary>
public sealed class OversizedBodyResultFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is IAntiforgeryValidationFailedResult && context.HttpContext.Items.ContainsKey(OversizedBodyAntiforgery.TooLargeKey))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
