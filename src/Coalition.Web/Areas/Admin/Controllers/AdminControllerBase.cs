using Coalition.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>The admin area is secured here, once: every admin controller derives from this class.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
public abstract class AdminControllerBase : Controller
{
    private const string NoticeKey = "admin.notice";

    /// <summary>A one-time message shown after the redirect that follows a POST.</summary>
    protected void Notice(string message) => TempData[NoticeKey] = message;

    public static string? TakeNotice(Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData[NoticeKey] as string;
    }

    protected string? UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
}
