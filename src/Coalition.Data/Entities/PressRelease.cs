namespace Coalition.Data.Entities;

/// <summary>
/// A press release: <c>/{culture}/press/{slug}</c>. Its embargo is the shared scheduled publish time
/// (<see cref="ContentItem.PublishedUtc"/> in the future), so every public query hides it until that minute.
/// </summary>
public class PressRelease : ContentItem
{
    /// <summary>Where the release was issued, shown with its date: "Dushanbe".</summary>
    public string? PlaceLine { get; set; }

    /// <summary>The attached documents (PDF, DOCX) in order, as JSON: <c>[{"MediaId":12,"Language":"ru"}]</c>.</summary>
    public string? DocumentsJson { get; set; }

    /// <summary>The attached photos in order, with credit and usage note, as JSON.</summary>
    public string? PhotosJson { get; set; }

    /// <summary>The media contacts chosen for this release, in order: <c>|3|1|</c>.</summary>
    public string? ContactIds { get; set; }

    /// <summary>
    /// UTC time the e-mail alerts for this release were queued; null until it first became public. The alert job
    /// claims a release by setting it where it is still null, so a restart or a second instance never sends twice.
    /// </summary>
    public DateTime? AlertsQueuedUtc { get; set; }
}
