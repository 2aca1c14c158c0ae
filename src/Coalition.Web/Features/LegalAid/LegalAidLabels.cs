namespace Coalition.Web.Features.LegalAid;

/// <summary>The interface text (a resource key) for each stored code of the request form.</summary>
public static class LegalAidLabels
{
    public static string Region(string? code) => code switch
    {
        "dushanbe" => "Dushanbe",
        "sughd" => "Sughd region",
        "khatlon" => "Khatlon region",
        "gbao" => "Gorno-Badakhshan (GBAO)",
        "rrp" => "Districts of Republican Subordination",
        "abroad" => "Outside Tajikistan",
        _ => "I prefer not to say",
    };

    public static string Concerns(string? code) => code switch
    {
        Coalition.Web.Features.LegalAid.Concerns.Myself => "Myself",
        Coalition.Web.Features.LegalAid.Concerns.Relative => "A relative",
        _ => "My client (I am a lawyer)",
    };

    public static string Status(Coalition.Data.Entities.LegalAidStatus status) => status switch
    {
        Coalition.Data.Entities.LegalAidStatus.New => "New",
        Coalition.Data.Entities.LegalAidStatus.InProgress => "In progress",
        _ => "Closed",
    };
}
