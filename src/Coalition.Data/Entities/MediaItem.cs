namespace Coalition.Data.Entities;

/// <summary>
/// One uploaded file of the media library. The bytes live in the file store under generated names
/// (<see cref="StorageKey"/>), never under the uploader's file name; images exist only as re-encoded variants
/// without metadata, documents only as the cleaned copy.
/// </summary>
public class MediaItem
{
    public int Id { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>The type detected from the content (magic bytes), not from the name: jpeg, png, webp, pdf, docx, xlsx, zip.</summary>
    public string Format { get; set; } = "";

    /// <summary>Random, never reused: the stored files are named after it, and a new upload gets a new key, so URLs are versioned by it.</summary>
    public string StorageKey { get; set; } = "";

    /// <summary>The uploader's file name, sanitised (no path, no control or bidi characters, at most 150 characters); shown and used for downloads only.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Display name and alt texts in lower case, for a search that ignores case in every language.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Bytes stored: the cleaned document, or all variants of an image together.</summary>
    public long SizeBytes { get; set; }

    /// <summary>Pixel size of the largest stored variant, after orientation; null for documents.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>The stored widths, comma-separated and ascending (for example "480,960,1600"); empty for documents.</summary>
    public string VariantWidths { get; set; } = "";

    public string? AltRu { get; set; }
    public string? AltTg { get; set; }
    public string? AltEn { get; set; }

    /// <summary>Purely decorative: rendered with an empty alt on purpose.</summary>
    public bool IsDecorative { get; set; }

    /// <summary>What the upload carried and the server removed, for example "EXIF, GPS location" or "Author, Company".</summary>
    public string? RemovedMetadata { get; set; }

    /// <summary>Times the document was downloaded; counted without cookies or IP addresses.</summary>
    public long DownloadCount { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public string? AltFor(string culture) => culture switch
    {
        "ru" => AltRu,
        "tg" => AltTg,
        "en" => AltEn,
        _ => null,
    };
}

public enum MediaKind
{
    Image = 0,
    Document = 1,
}

/// <summary>A content type that can have a cover image from the media library.</summary>
public interface IHasCoverImage
{
    int? CoverMediaId { get; set; }
}
