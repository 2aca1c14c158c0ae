using Microsoft.AspNetCore.Identity;

namespace Coalition.Data.Entities;

public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
