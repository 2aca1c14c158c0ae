using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Coalition.Web.Options;

/// <summary>
/// The reverse proxy in front of the portal. Section <c>ReverseProxy</c>. Only requests that arrive from one of
/// <see cref="KnownProxies"/> may say, in X-Forwarded-For and X-Forwarded-Proto, who the visitor is and whether the
/// connection was HTTPS. This is what the per-IP rate limits and the Secure cookie flag rely on behind a proxy.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string SectionName = "ReverseProxy";

    /// <summary>
    /// IP addresses of the proxies, for example <c>127.0.0.1</c> for nginx on the same machine
    /// (<c>ReverseProxy__KnownProxies__0=127.0.0.1</c>). Default none: forwarded headers are ignored.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownProxies has '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }
    }
}
