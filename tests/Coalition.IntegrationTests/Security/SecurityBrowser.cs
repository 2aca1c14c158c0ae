using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// What a browser does, with cookies the test can see and copy: open a page, submit one of its forms with all its
/// fields (the antiforgery token included), and never follow a redirect by itself.
/// </summary>
public sealed class SecurityBrowser : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public SecurityBrowser(WebApplicationFactory<Program> factory, string language, Uri? baseAddress = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Client = factory.CreateDefaultClient(baseAddress ?? new Uri("http://localhost"), new CookieHandler(Cookies));
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>Another browser that holds a copy of this one's cookies, as a thief with a stolen cookie would.</summary>
    public SecurityBrowser CopyTo(SecurityBrowser other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.Cookies.Add(Cookies.GetAllCookies());
        return other;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    /// <summary>Opens <paramref name="pageUrl"/> and submits its form whose action is <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, Dictionary<string, string> fields) =>
        await SubmitAsync(await GetDocumentAsync(pageUrl), action, fields);

    /// <summary>Submits the form of <paramref name="page"/> whose action is <paramref name="action"/>, its own fields overlaid with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fields);
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"The page has no form posting to {action}.");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            values[input.Name!] = input.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        Assert.True(values.ContainsKey(AntiforgeryField), $"The form posting to {action} has no antiforgery token.");
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        return await PostAsync(action, values);
    }

    /// <summary>POSTs exactly these fields: no token is added.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Client.Dispose();

    /// <summary>Keeps cookies in a container the test owns (WebApplicationFactory's own handler hides them).</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }

            return response;
        }
    }
}

public static class ResponseExtensions
{
    /// <summary>The path of a redirect's Location, without the query.</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is null ? null : (location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location)).AbsolutePath;
    }
}
