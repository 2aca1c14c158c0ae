namespace Coalition.Data.Entities;

/// <summary>An old slug of a content item, kept so that its old URL answers with a permanent redirect.</summary>
public class SlugRedirect
{
    public int Id { get; set; }
    public string ContentType { get; set; } = "";
    public string Culture { get; set; } = "";
    public string OldSlug { get; set; } = "";
    public int ItemId { get; set; }
    public DateTime CreatedUtc { get; set; }
}
