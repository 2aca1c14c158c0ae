using System.ComponentModel.DataAnnotations;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;

namespace Coalition.UnitTests.Features.Mail;

public sealed class MailOutboxTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(4, 10)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 60)]
    [InlineData(100, 60)]
    public void Backoff_AfterEachFailure_WaitsLongerThenHourly(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MailOutbox.Backoff(failedAttempts));

    [Fact]
    public void Backoff_BeforeAnyFailure_IsNoWait() => Assert.Equal(TimeSpan.Zero, MailOutbox.Backoff(0));

    [Fact]
    public void Backoff_OverTheDefaultMaximumAge_TriesAboutFiftyTimes()
    {
        // With the SMTP server down for good, a message is tried on this schedule until Mail:GiveUpAfterHours (48).
        var elapsed = TimeSpan.Zero;
        var attempts = 0;
        while (elapsed < new MailOptions().GiveUpAfter)
        {
            attempts++;
            elapsed += MailOutbox.Backoff(attempts);
        }

        Assert.Equal(53, attempts); // 48 minutes for the first five, then 48 hourly tries
    }

    [Fact]
    public void MailOptions_GiveUpAfter_DefaultsToTwoDaysAndRefusesZeroAndMoreThanTwoWeeks()
    {
        Assert.Equal(TimeSpan.FromDays(2), new MailOptions().GiveUpAfter);
        Assert.Empty(Validate(new MailOptions { GiveUpAfterHours = 336 }));
        Assert.Contains(Validate(new MailOptions { GiveUpAfterHours = 0 }), r => r.MemberNames.Contains(nameof(MailOptions.GiveUpAfterHours)));
        Assert.Contains(Validate(new MailOptions { GiveUpAfterHours = 337 }), r => r.MemberNames.Contains(nameof(MailOptions.GiveUpAfterHours)));
    }

    private static List<ValidationResult> Validate(MailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
