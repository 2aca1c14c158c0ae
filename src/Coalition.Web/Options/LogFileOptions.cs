using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The rolling log file. Section <c>LogFile</c>. Levels and the console sink come from the <c>Serilog</c> section.</summary>
public sealed class LogFileOptions
{
    public const string SectionName = "LogFile";

    /// <summary>Write a rolling log file. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>File path, relative to the app's content root unless absolute; a date is added before the extension. Default <c>App_Data/logs/coalition-.log</c>.</summary>
    [Required]
    public string Path { get; set; } = "App_Data/logs/coalition-.log";

    /// <summary>How many daily files to keep. Default 14.</summary>
    [Range(1, 3650)]
    public int RetainedDays { get; set; } = 14;
}
