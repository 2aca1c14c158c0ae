using Coalition.Data.Entities;

namespace Coalition.Web.Features.Media;

/// <summary>One accepted kind of file: the extensions it may have, the signature its content must have, and how it is served.</summary>
public sealed record MediaFormat(string Name, MediaKind Kind, SniffedType Signature, string ContentType, string StoredExtension, string Label);

/// <summary>The allow-list. Anything else, SVG and HTML included, is rejected.</summary>
public static class MediaFormats
{
    public static readonly MediaFormat Jpeg = new("jpeg", MediaKind.Image, SniffedType.Jpeg, "image/jpeg", "jpg", "JPEG");
    public static readonly MediaFormat Png = new("png", MediaKind.Image, SniffedType.Png, "image/png", "png", "PNG");
    public static readonly MediaFormat WebP = new("webp", MediaKind.Image, SniffedType.WebP, "image/webp", "webp", "WebP");
    public static readonly MediaFormat Pdf = new("pdf", MediaKind.Document, SniffedType.Pdf, "application/pdf", "pdf", "PDF");
    public static readonly MediaFormat Docx = new("docx", MediaKind.Document, SniffedType.Zip,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "DOCX");
    public static readonly MediaFormat Xlsx = new("xlsx", MediaKind.Document, SniffedType.Zip,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX");
    public static readonly MediaFormat Zip = new("zip", MediaKind.Document, SniffedType.Zip, "application/zip", "zip", "ZIP");

    public static readonly IReadOnlyList<MediaFormat> All = [Jpeg, Png, WebP, Pdf, Docx, Xlsx, Zip];

    private static readonly Dictionary<string, MediaFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".png"] = Png,
        [".webp"] = WebP,
        [".pdf"] = Pdf,
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
        [".zip"] = Zip,
    };

    /// <summary>What the file name promises; null for an extension that is not on the list.</summary>
    public static MediaFormat? FromFileName(string fileName) =>
        ByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    public static MediaFormat? FromName(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The accept attribute of the upload field.</summary>
    public static string AcceptAttribute => string.Join(',', ByExtension.Keys);
}
