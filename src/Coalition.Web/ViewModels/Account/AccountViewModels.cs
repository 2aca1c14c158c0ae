using System.ComponentModel.DataAnnotations;
using Coalition.Web.Features.Accounts;

namespace Coalition.Web.ViewModels.Account;

public sealed class TwoFactorLoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Code from the app")]
    [StringLength(12, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string Code { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryLoginViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Recovery code")]
    [StringLength(40, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string RecoveryCode { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string Email { get; set; } = "";
}

/// <summary>A new password typed twice; the rules themselves are Identity's validators.</summary>
public class NewPasswordViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordViewModel : NewPasswordViewModel
{
    public string User { get; set; } = "";

    public string Token { get; set; } = "";
}

public sealed class AcceptInvitationViewModel : NewPasswordViewModel
{
    public string User { get; set; } = "";

    public string Token { get; set; } = "";

    public string? Email { get; set; }

    public string? DisplayName { get; set; }
}

public sealed class ChangePasswordViewModel : NewPasswordViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string CurrentPassword { get; set; } = "";
}

public sealed class ConfirmPasswordViewModel
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    [StringLength(256, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string CurrentPassword { get; set; } = "";
}

public sealed record MyAccountViewModel(
    string Email, string DisplayName, bool IsAdministrator, bool TwoFactorEnabled, bool TwoFactorRequired, int RecoveryCodesLeft, string? Notice);

public sealed class EnableAuthenticatorViewModel
{
    public AuthenticatorSetup? Setup { get; set; }

    public bool Required { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Code from the app")]
    [StringLength(12, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    public string Code { get; set; } = "";
}

public sealed record RecoveryCodesViewModel(IReadOnlyList<string>? NewCodes, int CodesLeft);

/// <summary>The hidden fields of the "this was not me" confirmation.</summary>
public sealed class NotMeViewModel
{
    public string User { get; set; } = "";

    public string Token { get; set; } = "";
}
