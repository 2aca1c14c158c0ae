using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// Records every request a browser context makes and every error it reports. The portal promises visitors that
/// their browser never talks to another host (no CDN, fonts, analytics): a request anywhere but the portal's own
/// origin fails the test, and so do a failed load, an HTTP error on a subresource, and a console error
/// (which is where Chromium reports Content-Security-Policy violations).
/// </summary>
internal sealed class RequestGuard
{
    private readonly Uri _origin;
    private readonly IReadOnlyCollection<Uri> _alsoAllowed;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();

    public RequestGuard(IBrowserContext context, Uri origin, bool allowHttpErrors, IReadOnlyCollection<Uri>? alsoAllowed = null)
    {
        _origin = origin;
        _alsoAllowed = alsoAllowed ?? [];
        context.Request += (_, request) =>
        {
            _requests.Enqueue($"{request.Method} {request.Url}");
            if (!IsOwn(request.Url))
            {
                _problems.Enqueue($"Request to another host: {request.Method} {request.Url}");
            }
        };
        context.RequestFailed += (_, request) =>
        {
            // A navigation that the page itself replaces (net::ERR_ABORTED) is not a failure of the site.
            if (request.Failure is not "net::ERR_ABORTED")
            {
                _problems.Enqueue($"Request failed: {request.Method} {request.Url}: {request.Failure}");
            }
        };
        if (!allowHttpErrors)
        {
            context.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    _problems.Enqueue($"HTTP {response.Status} for {response.Request.Method} {response.Url}");
                }
            };
        }

        context.Console += (_, message) =>
        {
            // Chromium also reports every HTTP error response in the console; where the test checks the statuses itself, that echo is not a problem.
            if (message.Type == "error"
                && !(allowHttpErrors && message.Text.StartsWith("Failed to load resource: the server responded with a status of ", StringComparison.Ordinal)))
            {
                _problems.Enqueue($"Console error on {message.Page?.Url}: {message.Text}");
            }
        };
        context.WebError += (_, error) => _problems.Enqueue($"Script error: {error.Error}");
    }

    public IReadOnlyCollection<string> Requests => _requests;

    public IReadOnlyCollection<string> Problems => _problems;

    private bool IsOwn(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme is "data" or "blob" or "about"
            || (uri.Scheme == _origin.Scheme && uri.Host == _origin.Host && uri.Port == _origin.Port)
            || _alsoAllowed.Any(o => uri.Scheme == o.Scheme && uri.Host == o.Host && uri.Port == o.Port);
    }
}
