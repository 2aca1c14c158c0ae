using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The portal's public identity on the web. Section <c>Site</c>.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string SectionName = "Site";

    /// <summary>Where the portal is used outside Production when <see cref="PublicBaseUrl"/> is not set.</summary>
    public static readonly Uri DevelopmentBaseUrl = new("http://localhost");

    /// <summary>
    /// The portal's public address, for example <c>https://coalition.example.org</c>: the one source of every absolute
    /// URL the app writes (the sign-in redirect, hreflang links, share links, links in e-mails), never the request's
    /// Host header, which the client chooses. Scheme and host (and port) only. <b>Required in Production</b>, where it
    /// also decides whether cookies get the <c>__Host-</c> prefix and <c>Secure</c> (https), and is the default of
    /// <c>AllowedHosts</c>. Default none: elsewhere <c>http://localhost</c>.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is not { } url)
        {
            yield break;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("Site:PublicBaseUrl must be an absolute http or https address, for example https://coalition.example.org.", [nameof(PublicBaseUrl)]);
        }
        else if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            yield return new ValidationResult("Site:PublicBaseUrl must be a scheme and a host only, without a path, query or user name.", [nameof(PublicBaseUrl)]);
        }
    }
}
