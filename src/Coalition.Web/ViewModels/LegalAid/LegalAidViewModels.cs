using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.ViewModels.LegalAid;

public sealed record LegalAidPageViewModel(string Title, string BodyHtml, Uri QuickExitUrl);

/// <summary>What a person types into the request form. Nothing here is stored as it is: it is sealed first.</summary>
public sealed class LegalAidRequestForm
{
    [Required(ErrorMessage = "Tell us how we can reach you safely.")]
    [StringLength(500, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "How can we reach you safely?")]
    public string Contact { get; set; } = "";

    [Required(ErrorMessage = "Choose a region.")]
    [Display(Name = "Region")]
    public string Region { get; set; } = "";

    [Required(ErrorMessage = "Choose whom the request concerns.")]
    [Display(Name = "Whom does it concern?")]
    public string Concerns { get; set; } = "";

    [Required(ErrorMessage = "Tell us briefly what happened.")]
    [StringLength(5000, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "What happened?")]
    public string WhatHappened { get; set; } = "";

    [Display(Name = "It is urgent")]
    public bool Urgent { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please agree to be contacted: otherwise we cannot help.")]
    [Display(Name = "I agree that the Legal Aid Group contacts me in the way I described.")]
    public bool Consent { get; set; }

    /// <summary>When the form was opened, protected (minimum fill time).</summary>
    public string? Started { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by robots.</summary>
    public string? Website { get; set; }
}

public sealed record LegalAidRequestPage(LegalAidRequestForm Form, bool Available, Uri QuickExitUrl, string Phone, string? Notice = null);

public sealed record LegalAidSentPage(Uri QuickExitUrl);
