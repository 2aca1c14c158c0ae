using Coalition.Data.Entities;
using Coalition.Web.Features.Press;
using Coalition.Web.ViewModels.Press;

namespace Coalition.UnitTests.Features.Press;

public sealed class PressContactViewTests
{
    [Theory]
    [InlineData("+992 00 000 00 00", "tel:+992000000000")]
    [InlineData("+992 (00) 000-00-01", "tel:+992000000001")]
    public void TelHref_KeepsOnlyDigitsAndThePlus(string phone, string expected) =>
        Assert.Equal(expected, new PressContactView(1, "A", null, [], null, phone, null).TelHref);

    [Fact]
    public void ToView_NamesLanguagesAndPicksRoleAndNoteInThePagesLanguage()
    {
        var contact = new MediaContact { Name = "Demo", RoleRu = "Юрист", RoleTg = "Ҳуқуқшинос", RoleEn = "Lawyer", NoteTg = "Signal", Languages = "ru,tg,xx" };
        var tg = PressRoomQueries.ToView(contact, "tg");
        Assert.Equal("Ҳуқуқшинос", tg.Role);
        Assert.Equal("Signal", tg.Note);
        Assert.Equal(["русӣ", "тоҷикӣ"], tg.Languages);
        Assert.Equal(["Russian", "Tajik"], PressRoomQueries.ToView(contact, "en").Languages);
    }

    [Theory]
    [InlineData(" Journalist@Example.ORG ", "journalist@example.org")]
    [InlineData("not an address", null)]
    [InlineData("a@b", null)]
    [InlineData("x@example.org\r\nBcc: y@example.org", null)]
    [InlineData("", null)]
    public void Normalize_TrimsAndLowercases_OrRefuses(string input, string? expected) =>
        Assert.Equal(expected, PressSubscriptions.Normalize(input));
}
