namespace Coalition.Web.Features.Media;

/// <summary>
/// Codes of the metadata an upload carried and the server removed. They are stored (comma-separated) and
/// turned into words in the editor's language only when shown (<see cref="MediaMessages.MetadataLabel"/>).
/// </summary>
public static class MetadataFields
{
    public const string Exif = "exif";
    public const string Gps = "gps";
    public const string Camera = "camera";
    public const string SerialNumber = "serial";
    public const string Artist = "artist";
    public const string Copyright = "copyright";
    public const string DateTaken = "datetaken";
    public const string Xmp = "xmp";
    public const string Iptc = "iptc";
    public const string Comment = "comment";
    public const string PngText = "pngtext";
    public const string Author = "author";
    public const string LastModifiedBy = "lastmodifiedby";
    public const string Title = "title";
    public const string Subject = "subject";
    public const string Keywords = "keywords";
    public const string Description = "description";
    public const string Category = "category";
    public const string Company = "company";
    public const string Manager = "manager";
    public const string Template = "template";
    public const string HyperlinkBase = "hyperlinkbase";
    public const string CustomProperties = "customprops";
    public const string People = "people";
    public const string Software = "software";
    public const string OtherProperties = "other";

    /// <summary>PDF JavaScript and automatic actions (/JavaScript, /JS, /OpenAction, /AA, /Launch).</summary>
    public const string Scripts = "scripts";

    public static string Join(IEnumerable<string> codes) => string.Join(',', codes.Distinct(StringComparer.Ordinal));

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
