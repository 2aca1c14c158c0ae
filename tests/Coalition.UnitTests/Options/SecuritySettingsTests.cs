using System.ComponentModel.DataAnnotations;
using Coalition.Web.Options;

namespace Coalition.UnitTests.Options;

public sealed class SecuritySettingsTests
{
    [Fact]
    public void Defaults_AreValid_AndRequireTwoFactorForEveryone()
    {
        var security = new SecurityOptions();
        Assert.Empty(Validate(security));
        Assert.True(security.RequireTwoFactorForAllStaff);
        Assert.Equal(TimeSpan.FromHours(72), security.InvitationLifetime);
        Assert.Equal(TimeSpan.FromHours(1), security.PasswordResetLifetime);
        Assert.Empty(Validate(new RateLimitOptions()));
        Assert.Empty(Validate(new ReverseProxyOptions()));
    }

    [Fact]
    public void OutOfRangeValues_AreRefused()
    {
        Assert.NotEmpty(Validate(new SecurityOptions { InvitationLifetimeHours = 0 }));
        Assert.NotEmpty(Validate(new SecurityOptions { SessionIdleTimeoutMinutes = 100_000 }));
        Assert.NotEmpty(Validate(new RateLimitOptions { SignInPermitLimit = 0 }));
        var proxy = new ReverseProxyOptions();
        proxy.KnownProxies.Add("nginx.local");
        Assert.NotEmpty(Validate(proxy));
    }

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
