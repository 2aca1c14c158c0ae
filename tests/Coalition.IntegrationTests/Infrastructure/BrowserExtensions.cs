using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>
/// What a browser does, on any <see cref="HttpClient"/> (best a <see cref="Browser"/> from
/// <see cref="CoalitionAppFactory.CreateBrowser"/>): open a page and read its HTML, submit one of its forms with all
/// its fields (the hidden antiforgery token included), post raw fields, follow a redirect.
/// </summary>
public static class BrowserExtensions
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    /// <summary>GETs <paramref name="url"/> (a path, or an absolute link from an e-mail) and returns its HTML; fails the test unless the status is 2xx.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
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

    /// <summary>
    /// What a browser would send from the form of <paramref name="page"/> that posts to <paramref name="action"/>:
    /// its named inputs, textareas and selected options as they were loaded, hidden token and version included.
    /// Submit buttons are left out: name the one pressed in the changes.
    /// </summary>
    public static Dictionary<string, string> FormFields(this IHtmlDocument page, string action)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action);
        Assert.True(form is not null, $"the page has no form posting to {action}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var control in form!.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = control.GetAttribute("name")!;
            switch (control)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image":
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlTextAreaElement textArea:
                    fields[name] = textArea.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }

    /// <summary>Submits the form of <paramref name="page"/> that posts to <paramref name="action"/>, as loaded, with <paramref name="changes"/> typed in;
    /// fails the test if the form has no antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string action, Dictionary<string, string>? changes = null)
    {
        var fields = page.FormFields(action);
        Assert.True(fields.ContainsKey(AntiforgeryField), $"The form posting to {action} has no antiforgery token.");
        foreach (var (name, value) in changes ?? [])
        {
            fields[name] = value;
        }

        return await client.PostWithoutTokenAsync(action, fields);
    }

    /// <summary>Opens <paramref name="formPageUrl"/> and submits its form that posts to <paramref name="action"/>, with <paramref name="changes"/> typed in.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string formPageUrl, string action, Dictionary<string, string>? changes = null)
    {
        var page = await client.GetDocumentAsync(formPageUrl);
        return await client.SubmitFormAsync(page, action, changes);
    }

    /// <summary>GETs where <paramref name="redirect"/> points; fails the test unless it is a redirect.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(redirect);
        var location = redirect.Headers.Location;
        Assert.True(location is not null && (int)redirect.StatusCode is >= 300 and < 400, $"expected a redirect, got {(int)redirect.StatusCode}");
        return await client.GetAsync(location);
    }

    /// <summary>The trimmed text of the first element matching <paramref name="selector"/>, or null.</summary>
    public static string? Text(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.QuerySelector(selector)?.TextContent.Trim();
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
