namespace Coalition.Web.Options;

/// <summary>Demo content. Section <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Fill an empty database with demo news and pages. Default false; true in appsettings.Development.json.</summary>
    public bool Demo { get; set; }
}
