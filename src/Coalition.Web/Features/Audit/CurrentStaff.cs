using System.Security.Claims;

namespace Coalition.Web.Features.Audit;

/// <summary>The signed-in staff member of the current request, if any.</summary>
public sealed class CurrentStaff(IHttpContextAccessor http)
{
    public StaffActor? Actor
    {
        get
        {
            var user = http.HttpContext?.User;
            return user?.Identity?.IsAuthenticated == true
                ? new StaffActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name)
                : null;
        }
    }
}

public sealed record StaffActor(string? Id, string? Name);
