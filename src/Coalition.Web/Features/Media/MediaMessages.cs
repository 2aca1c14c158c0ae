using Coalition.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Media;

/// <summary>The words an editor reads about uploads, in the editor's language.</summary>
public static class MediaMessages
{
    /// <summary>Bytes as megabytes for a message, for example "15" or "0.5".</summary>
    public static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);

    public static string Describe(MediaRejection rejection, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentNullException.ThrowIfNull(t);
        var a = rejection.Args;
        return rejection.Problem switch
        {
            MediaProblem.NoFile => t["Choose a file to upload."],
            MediaProblem.Empty => t["The file is empty (0 bytes). Choose the file again; if it is still empty, save it again in the program that made it."],
            MediaProblem.NotAllowedType => t["Files of this type are not accepted. Allowed: JPEG, PNG and WebP images; PDF, DOCX, XLSX and ZIP documents."],
            MediaProblem.Svg => t["SVG images are not accepted: they can contain scripts. Save the image as PNG or JPEG and upload that."],
            MediaProblem.Html => t["Web pages (HTML) and XML files are not accepted: they can contain scripts."],
            MediaProblem.Executable => t["Programs and scripts are not accepted, whatever their file name says."],
            MediaProblem.SignatureMismatch => t["The content of the file does not match its extension {0}. It may have been renamed. Upload the file in its real format.", a],
            MediaProblem.TooLarge => t["The file is too large. Images may be at most {0} MB, documents at most {1} MB.", a],
            MediaProblem.TooManyPixels => t["The image is too large: {0} × {1} pixels. The limit is {2} megapixels and {3} pixels on a side. Make it smaller and upload it again.", a],
            MediaProblem.Damaged => t["The file is damaged or incomplete (perhaps cut off during copying). Save it again and upload the new copy."],
            MediaProblem.Encrypted => t["Encrypted or password-protected files are not accepted. Remove the password and upload the file again."],
            MediaProblem.ArchiveTooManyEntries => t["The archive contains too many files: {0}. The limit is {1}.", a],
            MediaProblem.ArchiveTooLarge => t["The file unpacks to more than {0} MB. Such files are not accepted (this is how “zip bombs” work).", a],
            MediaProblem.ArchiveUnsafeName => t["The archive contains a file with an unsafe name (an absolute path or “..”). Such files are not accepted."],
            MediaProblem.ArchiveDangerousEntry => t["The archive contains files that are not accepted (programs, scripts, web pages or SVG): {0}.", a],
            MediaProblem.Macros => t["Documents with macros are not accepted. Save the file as a plain DOCX or XLSX and upload that."],
            MediaProblem.NotOfficeDocument => t["The file is not a valid {0} document. Open it in your office program, save it as {0} again and upload the new copy.", a],
            MediaProblem.AltTextMissing => t["Describe the image for people who cannot see it: write the alt text in at least one language, or mark the image as decorative."],
            _ => t["The file could not be uploaded."],
        };
    }

    public static string MetadataLabel(string code, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return code switch
        {
            MetadataFields.Exif => t["EXIF data"],
            MetadataFields.Gps => t["GPS location"],
            MetadataFields.Camera => t["camera make and model"],
            MetadataFields.SerialNumber => t["camera serial number or owner"],
            MetadataFields.Artist => t["author (Artist)"],
            MetadataFields.Copyright => t["copyright holder"],
            MetadataFields.DateTaken => t["date and time taken"],
            MetadataFields.Xmp => t["XMP metadata"],
            MetadataFields.Iptc => t["IPTC metadata"],
            MetadataFields.Comment => t["embedded comment"],
            MetadataFields.PngText => t["PNG text fields"],
            MetadataFields.Author => t["author"],
            MetadataFields.LastModifiedBy => t["last modified by"],
            MetadataFields.Title => t["title property"],
            MetadataFields.Subject => t["subject"],
            MetadataFields.Keywords => t["keywords"],
            MetadataFields.Description => t["description (comments property)"],
            MetadataFields.Category => t["category"],
            MetadataFields.Company => t["company"],
            MetadataFields.Manager => t["manager"],
            MetadataFields.Template => t["template path"],
            MetadataFields.HyperlinkBase => t["hyperlink base"],
            MetadataFields.CustomProperties => t["custom properties"],
            MetadataFields.People => t["list of reviewers"],
            MetadataFields.Software => t["program that made the file"],
            MetadataFields.Scripts => t["scripts and automatic actions"],
            _ => t["other document properties"],
        };
    }

    public static string Removed(IEnumerable<string> codes, IStringLocalizer<SharedResource> t)
    {
        var labels = codes.Select(c => MetadataLabel(c, t)).Distinct().ToList();
        return labels.Count == 0
            ? t["The file carried no metadata that names people or places."]
            : t["Removed from the file: {0}.", string.Join(", ", labels)];
    }

    public static string Warning(string code, IStringLocalizer<SharedResource> t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return code switch
        {
            DocumentWarnings.Comments => t["The document contains comments, which show their authors' names. If the names must not be public, delete the comments and upload the file again."],
            DocumentWarnings.ArchiveNotCleaned => t["Files inside a ZIP archive are stored as they are: their metadata (GPS in photos, authors of documents) is NOT removed. Upload photos and documents separately if they may identify people."],
            _ => code,
        };
    }
}
