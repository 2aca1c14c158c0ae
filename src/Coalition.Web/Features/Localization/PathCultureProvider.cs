using Microsoft.AspNetCore.Localization;

namespace Coalition.Web.Features.Localization;

/// <summary>Takes the culture from the first path segment: /ru/..., /tg/..., /en/....</summary>
public sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var code = FirstSegment(httpContext.Request.Path);
        if (!SiteCultures.IsSupported(code))
        {
            return NullProviderCultureResult;
        }

        var name = SiteCultures.ToCultureInfo(code!).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
    }

    internal static string? FirstSegment(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        return end < 0 ? value[1..] : value[1..end];
    }
}

/// <summary>The remembered choice of language, stored as a bare site code (ru, tg, en).</summary>
public sealed class LanguageCookieCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var code = httpContext.Request.Cookies[SiteCultures.CookieName];
        if (!SiteCultures.IsSupported(code))
        {
            return NullProviderCultureResult;
        }

        var name = SiteCultures.ToCultureInfo(code!).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
    }
}

/// <summary>
/// The browser's languages, matched by their primary code as "/" matches them (<see cref="LanguageNegotiator"/>):
/// "tg" and "tg-TJ" mean Tajik. The stock Accept-Language provider matches only a supported culture's exact name or
/// a parent of the requested one, so "tg" never reached tg-Cyrl-TJ and Tajik browsers got Russian staff pages.
/// </summary>
public sealed class AcceptLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        string? header = httpContext.Request.Headers.AcceptLanguage;
        if (string.IsNullOrWhiteSpace(header))
        {
            return NullProviderCultureResult;
        }

        var name = SiteCultures.ToCultureInfo(LanguageNegotiator.Choose(cookieValue: null, header)).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(name, name));
    }
}
