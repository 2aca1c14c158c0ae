using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>Which database the portal runs on. Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary><c>Sqlite</c> (default, an embedded file under App_Data) or <c>SqlServer</c> (production). Anything else stops the app at startup.</summary>
    [Required]
    [RegularExpression("^(Sqlite|SqlServer)$", ErrorMessage = "Database:Provider must be 'Sqlite' or 'SqlServer'.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>Apply pending migrations at startup. Default true. Always done on SQLite; on SQL Server set it to false and run the SQL script instead (docs/operations.md).</summary>
    public bool ApplyMigrationsAtStartup { get; set; } = true;
}
