using Microsoft.Net.Http.Headers;

namespace Coalition.Web.Features.Localization;

/// <summary>Chooses the language for a visitor who opens "/": the remembered choice, then Accept-Language, then Russian.</summary>
public static class LanguageNegotiator
{
    public static string Choose(string? cookieValue, string? acceptLanguage)
    {
        if (SiteCultures.IsSupported(cookieValue))
        {
            return cookieValue!.ToLowerInvariant();
        }

        if (!string.IsNullOrWhiteSpace(acceptLanguage)
            && StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var ranges))
        {
            var best = ranges
                .Where(r => r.Quality is null or > 0)
                .Select((r, index) => (Code: Primary(r.Value.Value), Quality: r.Quality ?? 1, index))
                .Where(r => r.Code is not null && SiteCultures.IsSupported(r.Code))
                .OrderByDescending(r => r.Quality)
                .ThenBy(r => r.index)
                .FirstOrDefault();
            if (best.Code is not null)
            {
                return best.Code;
            }
        }

        return SiteCultures.Default;
    }

    private static string? Primary(string? range)
    {
        if (string.IsNullOrEmpty(range) || range == "*")
        {
            return null;
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? range : range[..dash]).ToLowerInvariant();
    }
}
