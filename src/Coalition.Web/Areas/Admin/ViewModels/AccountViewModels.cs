using System.ComponentModel.DataAnnotations;
using Coalition.Web.Features.Accounts;

namespace Coalition.Web.Areas.Admin.ViewModels;

public sealed record AccountListViewModel(IReadOnlyList<StaffAccountRow> Accounts);

public sealed record AccountDetailsViewModel(StaffAccountRow Account, bool IsYou);

public sealed class InviteViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Name")]
    [StringLength(200, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Role")]
    [RegularExpression("^(Administrator|Editor)$", ErrorMessage = "Choose a role.")]
    public string Role { get; set; } = Roles.Editor;

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Language of the e-mail")]
    [RegularExpression("^(ru|tg|en)$", ErrorMessage = "Choose Russian, Tajik or English.")]
    public string Language { get; set; } = "ru";
}
