using System.ComponentModel.DataAnnotations;
using Coalition.Web.Features.LegalAid;

namespace Coalition.Web.Areas.Admin.ViewModels;

public sealed class LegalAidSetupViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(1024, MinimumLength = LegalAidKeys.MinimumPassphraseLength, ErrorMessage = "The passphrase must be at least {2} characters long.")]
    [Display(Name = "Passphrase")]
    public string Passphrase { get; set; } = "";

    [Compare(nameof(Passphrase), ErrorMessage = "The two passphrases do not match.")]
    [Display(Name = "The passphrase again")]
    public string ConfirmPassphrase { get; set; } = "";
}

public sealed class LegalAidUnlockViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(1024, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Passphrase")]
    public string Passphrase { get; set; } = "";
}

public sealed class LegalAidRotateViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(1024, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Current passphrase")]
    public string CurrentPassphrase { get; set; } = "";

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(1024, MinimumLength = LegalAidKeys.MinimumPassphraseLength, ErrorMessage = "The passphrase must be at least {2} characters long.")]
    [Display(Name = "New passphrase")]
    public string NewPassphrase { get; set; } = "";

    [Compare(nameof(NewPassphrase), ErrorMessage = "The two passphrases do not match.")]
    [Display(Name = "The new passphrase again")]
    public string ConfirmPassphrase { get; set; } = "";
}

public sealed record LegalAidKeyViewModel(DateTime? CurrentSinceUtc);

public sealed record LegalAidInboxViewModel(IReadOnlyList<LegalAidRequestRow> Requests, bool Closed, DateTimeOffset? LocksAtUtc);

public sealed class LegalAidNoteViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(LegalAidInbox.NoteMaxLength, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Note")]
    public string Text { get; set; } = "";
}

public sealed record LegalAidRequestViewModel(LegalAidRequestView Request, LegalAidNoteViewModel Note, string? CurrentUserId);
