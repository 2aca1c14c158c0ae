using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>Editorial workflow. Section <c>Publishing</c>.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>Days an item stays in the trash before it is purged for good. Default 30.</summary>
    [Range(1, 3650)]
    public int TrashRetentionDays { get; set; } = 30;

    /// <summary>Days a new preview share link stays valid unless the editor chooses otherwise. Default 7.</summary>
    [Range(1, 30)]
    public int ShareLinkDays { get; set; } = 7;
}
