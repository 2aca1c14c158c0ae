namespace Coalition.Data.Entities;

/// <summary>One saved version of a content item: who saved what, and when. Never changed after it is written.</summary>
public class ContentRevision
{
    public int Id { get; set; }
    public string ContentType { get; set; } = "";
    public int ItemId { get; set; }

    /// <summary>1, 2, 3… per item.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";

    /// <summary>The type's own fields of this version (a cover, a year, an embargo…), as JSON written by the type's definition.</summary>
    public string? FieldsJson { get; set; }

    /// <summary>The media ids that <see cref="FieldsJson"/> uses, as <c>|12|40|</c> (see <see cref="ContentItem.MediaRefs"/>).</summary>
    public string? MediaRefs { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>What the save did: see <see cref="RevisionKinds"/>.</summary>
    public string Kind { get; set; } = RevisionKinds.Save;

    /// <summary>For a restore: the number of the revision it brought back.</summary>
    public int? RestoredFrom { get; set; }
}

public static class RevisionKinds
{
    public const string Save = "save";
    public const string Publish = "publish";
    public const string Schedule = "schedule";
    public const string Restore = "restore";
}
