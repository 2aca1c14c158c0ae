using Coalition.Web.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Media;

/// <summary>
/// <c>[RequestSizeLimit]</c> and <c>[RequestFormLimits]</c> for the upload action, with the numbers from
/// <see cref="MediaOptions"/> (attributes cannot read options). Runs before antiforgery, which is the first to read the
/// form: a declared body over the limit is refused before a byte of it is read, a body without a length is cut off by
/// the server at the limit, and the form's file part is buffered to disk, not memory. The global Kestrel limit stays small.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MediaUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    // The built-in RequestSizeLimit filter's order: before AutoValidateAntiforgeryToken (1000).
    public int Order => 900;

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<MediaUploadLimitsFilter>();
}

public sealed class MediaUploadLimitsFilter(IOptions<MediaOptions> options) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxRequestBytes;
        var http = context.HttpContext;
        if (http.Request.ContentLength > limit)
        {
            // Nothing has been read: the editor gets the limits in their language, with a 413.
            context.Result = new ViewResult
            {
                ViewName = "~/Areas/Admin/Views/Media/TooLarge.cshtml",
                StatusCode = StatusCodes.Status413PayloadTooLarge,
            };
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = limit,
                ValueCountLimit = 50,
                ValueLengthLimit = 16 * 1024,
            }));
        }
    }
}
