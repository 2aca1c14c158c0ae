namespace Coalition.Data.Entities;

/// <summary>A media-library file that staff put in the press kit (<c>/{culture}/press/kit</c>).</summary>
public class PressKitItem
{
    public int Id { get; set; }

    public int MediaId { get; set; }

    public MediaItem? Media { get; set; }

    public string? CaptionRu { get; set; }
    public string? CaptionTg { get; set; }
    public string? CaptionEn { get; set; }

    /// <summary>For photos: who took it, as journalists must print it.</summary>
    public string? Credit { get; set; }

    public int SortOrder { get; set; }

    public string? CaptionFor(string culture) => culture switch { "ru" => CaptionRu, "tg" => CaptionTg, _ => CaptionEn };
}
