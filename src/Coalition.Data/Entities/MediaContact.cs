namespace Coalition.Data.Entities;

/// <summary>A person journalists can call, listed at <c>/{culture}/press/contacts</c> and chosen per release.</summary>
public class MediaContact
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? RoleRu { get; set; }
    public string? RoleTg { get; set; }
    public string? RoleEn { get; set; }

    /// <summary>Languages spoken, as culture codes separated by commas ("ru,tg,en"): each page names them in its own language.</summary>
    public string Languages { get; set; } = "";

    public string? Email { get; set; }

    /// <summary>International format, as dialled: "+992 00 000 00 00".</summary>
    public string? Phone { get; set; }

    /// <summary>An optional note, for example "Signal on this number".</summary>
    public string? NoteRu { get; set; }
    public string? NoteTg { get; set; }
    public string? NoteEn { get; set; }

    /// <summary>Position on the contacts page.</summary>
    public int SortOrder { get; set; }

    /// <summary>Shown on the contacts page; a hidden contact still shows on the releases that chose it until they are changed.</summary>
    public bool Listed { get; set; } = true;

    public string? RoleFor(string culture) => culture switch { "ru" => RoleRu, "tg" => RoleTg, _ => RoleEn };

    public string? NoteFor(string culture) => culture switch { "ru" => NoteRu, "tg" => NoteTg, _ => NoteEn };
}
