using System.Net;
using System.Text.RegularExpressions;

namespace Coalition.Web.Features.Search;

/// <summary>The words of a sanitised HTML text, for the search index and for descriptions.</summary>
public static partial class PlainText
{
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        // Block ends become spaces, so "</p><p>" does not glue two words together.
        var text = Tags().Replace(html, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
