using Coalition.Web.Features.Campaigns;
using Coalition.Web.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.UnitTests.Features.Campaigns;

public sealed class MessageFormGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 20, 5, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _protection = new();
    private readonly MessageFormGuard _guard;

    public MessageFormGuardTests() => _guard = GuardOn(_clock);

    private MessageFormGuard GuardOn(TimeProvider clock) =>
        new(_protection, Microsoft.Extensions.Options.Options.Create(new CampaignOptions { MinimumFillSeconds = 3, FormLifetimeHours = 24 }), clock);

    [Fact]
    public void Check_AtTheMinimumFillTime_Ok_OneTickBefore_TooFast()
    {
        var token = _guard.NewToken();
        _clock.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(FormTiming.TooFast, _guard.Check(token));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(FormTiming.Ok, _guard.Check(token));
    }

    [Fact]
    public void Check_AfterTheLifetime_Expired()
    {
        var token = _guard.NewToken();
        _clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(FormTiming.Ok, _guard.Check(token));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FormTiming.Expired, _guard.Check(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1718859600000")]
    [InlineData("CfDJ8forged")]
    public void Check_MissingOrForgedToken_Expired(string? token) =>
        Assert.Equal(FormTiming.Expired, _guard.Check(token));

    [Fact]
    public void Check_TokenFromTheFuture_Expired()
    {
        var token = _guard.NewToken();
        var earlier = GuardOn(new FakeTimeProvider(_clock.GetUtcNow().AddMinutes(-5)));
        Assert.Equal(FormTiming.Expired, earlier.Check(token));
    }
}
