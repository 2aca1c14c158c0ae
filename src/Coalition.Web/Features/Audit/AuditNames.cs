using System.Globalization;
using System.Text.RegularExpressions;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Audit;

/// <summary>
/// The audit log in words: stored codes (<c>content.edit</c>, <c>StaffUser</c>) become names in the reader's language,
/// and the times written into summaries are shown in Dushanbe time. What is stored never changes.
/// </summary>
public static partial class AuditNames
{
    /// <summary>The resource key of an action's name, for example <c>audit:content.edit</c>.</summary>
    public static string ActionKey(string action) => "audit:" + action;

    /// <summary>The resource key of a type that is not a content definition, for example <c>audit-type:StaffUser</c>.</summary>
    public static string TypeKey(string type) => "audit-type:" + type;

    public static string Action(string action, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var name = t[ActionKey(action)];
        return name.ResourceNotFound ? action : name.Value;
    }

    /// <summary>A content type by its definition's singular name; any other type by its resource key; else the code.</summary>
    public static string Type(string? type, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (string.IsNullOrEmpty(type))
        {
            return "";
        }

        if (ContentTypes.ByName(type) is { } definition)
        {
            return t[definition.SingularName].Value;
        }

        var name = t[TypeKey(type)];
        return name.ResourceNotFound ? type : name.Value;
    }

    /// <summary>A summary as recorded, with the "@ 2026-12-01 07:44Z" of a schedule entry in Dushanbe time.</summary>
    public static string Summary(string? summary, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (string.IsNullOrEmpty(summary))
        {
            return "";
        }

        return UtcStamp().Replace(summary, m =>
            DateTime.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc)
                ? " — " + t["goes live {0}", DushanbeTime.FormatDateTime(utc)].Value
                : m.Value);
    }

    [GeneratedRegex(@" @ (\d{4}-\d{2}-\d{2} \d{2}:\d{2})Z")]
    private static partial Regex UtcStamp();
}
