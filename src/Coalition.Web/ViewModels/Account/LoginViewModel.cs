using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.ViewModels.Account;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }

    /// <summary>A one-time message after a redirect, such as "your password was changed".</summary>
    public string? Notice { get; set; }
}
