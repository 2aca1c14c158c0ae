namespace Coalition.Data.Entities;

/// <summary>
/// A fixed page of the site (About, Contacts, the EU disclaimer) whose text staff edit.
/// Its <see cref="ContentItem.Slug"/> is the page key and is the same in every culture.
/// </summary>
public class Page : ContentItem
{
}

public static class PageKeys
{
    public const string About = "about";
    public const string Contacts = "contacts";
    public const string Disclaimer = "disclaimer";

    /// <summary>The Legal Aid Group's page; its request form and quick exit are around it (Features/LegalAid).</summary>
    public const string LegalAid = "legal-aid";

    public static readonly IReadOnlyList<string> All = [About, Contacts, Disclaimer, LegalAid];
}
