using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The site search (Lucene.Net). Section <c>Search</c>. See docs/decisions/0014-search-index-per-instance.md.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// The folder of this instance's index, on local disk; relative paths are under the content root. Each instance
    /// keeps its own (never a shared network folder): the database is the truth and the index can always be rebuilt
    /// from it. Default <c>App_Data/search</c>.
    /// </summary>
    [Required(ErrorMessage = "Search:IndexPath must name a folder.")]
    public string IndexPath { get; set; } = "App_Data/search";

    /// <summary>How often, in seconds, each instance compares the database with its index and catches up with changes
    /// made on other instances. Default 5.</summary>
    [Range(1, 3600, ErrorMessage = "Search:SyncIntervalSeconds must be between 1 and 3600.")]
    public int SyncIntervalSeconds { get; set; } = 5;

    /// <summary>Results per page. Default 10.</summary>
    [Range(1, 100, ErrorMessage = "Search:PageSize must be between 1 and 100.")]
    public int PageSize { get; set; } = 10;
}
