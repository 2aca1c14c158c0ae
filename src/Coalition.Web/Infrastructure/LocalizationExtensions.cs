using Coalition.Web.Features.Localization;
using Microsoft.AspNetCore.Localization;

namespace Coalition.Web.Infrastructure;

public static class LocalizationExtensions
{
    public static WebApplicationBuilder AddCoalitionLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "");
        builder.Services.Configure<RouteOptions>(o =>
        {
            o.ConstraintMap[CultureRouteConstraint.Name] = typeof(CultureRouteConstraint);
            o.LowercaseUrls = true;
        });
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SiteCultures.CultureInfos.ToList();
            o.DefaultRequestCulture = new RequestCulture(SiteCultures.ToCultureInfo(SiteCultures.Default));
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The URL decides on public pages; the remembered choice and the browser decide in the admin area and on account pages.
            o.RequestCultureProviders =
            [
                new PathCultureProvider(),
                new LanguageCookieCultureProvider(),
                new AcceptLanguageCultureProvider(),
            ];
        });
        return builder;
    }
}
