using System.Globalization;
using Coalition.Web.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.LegalAid;

public enum FormCheck
{
    Human,
    Robot,
    TooFast,
    Expired,
}

/// <summary>
/// Spam filtering without a CAPTCHA and without JavaScript: a honeypot field people never see, and the time the form
/// was opened, protected by Data Protection so that a robot can neither forge nor reuse an old one for long.
/// </summary>
public sealed class LegalAidFormGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<LegalAidOptions> options)
{
    /// <summary>A form older than this is refused (the text stays in the form): a day is enough to write it.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromDays(1);

    // Not the time-limited protector: it reads the system clock, and the age is the app's TimeProvider's business.
    private readonly IDataProtector _protector = protection.CreateProtector("Coalition.LegalAid.FormStarted");

    public string Issue() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public FormCheck Check(string? token, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            return FormCheck.Robot;
        }

        if (string.IsNullOrEmpty(token))
        {
            return FormCheck.Robot;
        }

        try
        {
            var started = new DateTimeOffset(long.Parse(_protector.Unprotect(token), CultureInfo.InvariantCulture), TimeSpan.Zero);
            var elapsed = clock.GetUtcNow() - started;
            if (elapsed > MaximumAge || elapsed < TimeSpan.Zero)
            {
                return FormCheck.Expired;
            }

            return elapsed < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) ? FormCheck.TooFast : FormCheck.Human;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return FormCheck.Expired;
        }
        catch (FormatException)
        {
            return FormCheck.Robot;
        }
    }
}
