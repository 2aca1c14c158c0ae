using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Coalition.Web.Features.Accounts;

public static class IdentityResultExtensions
{
    /// <summary>Shows each of Identity's (localised) errors under the form field <paramref name="key"/>.</summary>
    public static void AddErrorsTo(this IdentityResult result, ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }
}
