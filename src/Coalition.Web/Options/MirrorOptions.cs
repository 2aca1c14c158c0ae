namespace Coalition.Web.Options;

/// <summary>
/// The public addresses the static mirror and Tor users need. Section <c>Site</c>.
/// (<c>Site:PublicBaseUrl</c> is the same key as the hardening issue's SiteOptions; the two classes read one section.)
/// </summary>
public sealed class MirrorOptions
{
    public const string SectionName = "Site";

    /// <summary>The live site's public address, for example <c>https://coalition.example.org</c>: the mirror's notices
    /// name it where forms were, and links to pages the mirror leaves out (sign-in) go there. Default none.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>An onion address, for example <c>http://coalitionxyz….onion</c>: when set, public pages send
    /// <c>Onion-Location</c> with the same path on it, and Tor Browser offers the onion site. Default none.</summary>
    public Uri? OnionLocation { get; set; }
}
