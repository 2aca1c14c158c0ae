using Microsoft.AspNetCore.Identity;

namespace Coalition.Data.Entities;

public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Set while an Administrator has disabled the account: it cannot sign in, accept an invitation or reset its password.</summary>
    public DateTime? DisabledUtc { get; set; }

    /// <summary>The last 30-second time-step whose authenticator code was accepted; an older or equal step is refused, so a code works once.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
