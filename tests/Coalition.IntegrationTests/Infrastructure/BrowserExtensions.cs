using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>What a browser does: open a page and read its HTML, submit one of its forms with the hidden antiforgery token.</summary>
public static class BrowserExtensions
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>GETs <paramref name="url"/> and returns its HTML; fails the test unless the status is 200.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.ParseAsync();
    }

    /// <summary>GETs the page with the form and returns its hidden antiforgery token (the cookie half stays in the client).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string formPageUrl)
    {
        var document = await client.GetDocumentAsync(formPageUrl);
        var token = document.QuerySelector($"input[name={AntiforgeryField}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"{formPageUrl} has no {AntiforgeryField} field");
        return token!;
    }

    /// <summary>Opens <paramref name="formPageUrl"/>, takes its antiforgery token and POSTs <paramref name="fields"/> with it to <paramref name="actionUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var token = await client.GetAntiforgeryTokenAsync(formPageUrl);
        var withToken = new Dictionary<string, string>(fields) { [AntiforgeryField] = token };
        return await client.PostWithoutTokenAsync(actionUrl, withToken);
    }

    /// <summary>POSTs <paramref name="fields"/> as they are: no token is added.</summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string actionUrl, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    /// <summary>The path of a redirect's Location header, without the query.</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        return absolute.AbsolutePath;
    }
}
