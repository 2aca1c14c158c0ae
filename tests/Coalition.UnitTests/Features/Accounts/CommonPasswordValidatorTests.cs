using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Resources;
using Microsoft.Extensions.Localization;
using Moq;

namespace Coalition.UnitTests.Features.Accounts;

public sealed class CommonPasswordValidatorTests
{
    [Fact]
    public void List_HasAtLeastTenThousandEntries() => Assert.True(CommonPasswordValidator.Count >= 10_000, $"{CommonPasswordValidator.Count}");

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwerty123456")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("passwordpassword")]
    [InlineData("dragon2024!!!")]
    [InlineData("abcabcabcabc")]
    [InlineData("aaaaaaaaaaaaaaa")]
    [InlineData("  iloveyou1234 ")]
    public void IsCommon_RefusesListedAndTriviallyVariedPasswords(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("tangerine orbit lantern")]
    [InlineData("correct horse battery staple")]
    [InlineData("Душанбе весной 1998")]
    [InlineData("x7#Lq9!vR2@m")]
    public void IsCommon_AcceptsUncommonPasswords(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("our coalition rocks", "someone@example.org", true)]
    [InlineData("Эътилоф 2024 баҳор", "someone@example.org", true)]
    [InlineData("gulnoza is writing", "gulnoza@example.org", true)]
    [InlineData("gulnoza is writing", "ali@example.org", false)]
    public void IsPersonal_RefusesThePortalAndTheEmailName(string password, string email, bool expected) =>
        Assert.Equal(expected, CommonPasswordValidator.IsPersonal(password, email));

    [Fact]
    public async Task ValidateAsync_GivesALocalisedReason()
    {
        var localizer = new Mock<IStringLocalizer<SharedResource>>();
        localizer.Setup(l => l[It.IsAny<string>()]).Returns((string key) => new LocalizedString(key, "«" + key + "»"));
        var validator = new CommonPasswordValidator(localizer.Object);

        var result = await validator.ValidateAsync(null!, new StaffUser { Email = "a@example.org" }, "qwerty123456");

        Assert.False(result.Succeeded);
        Assert.Equal(CommonPasswordValidator.CommonCode, result.Errors.Single().Code);
        Assert.Equal("«" + CommonPasswordValidator.CommonMessage + "»", result.Errors.Single().Description);
        Assert.True((await validator.ValidateAsync(null!, new StaffUser { Email = "a@example.org" }, "tangerine orbit lantern")).Succeeded);
    }
}
