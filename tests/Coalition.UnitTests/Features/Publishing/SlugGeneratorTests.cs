using Coalition.Web.Features.Publishing;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class SlugGeneratorTests
{
    [Theory]
    [InlineData("Рӯзи ҳуқуқи инсон", "ruzi-huquqi-inson")]
    [InlineData("Ҷамъият", "jamiyat")]
    [InlineData("Ғафуров", "ghafurov")]
    [InlineData("Қонуни асосӣ", "qonuni-asosi")]
    [InlineData("Кӯлоб", "kulob")]
    [InlineData("Хуҷанд", "khujand")]
    [InlineData("ИСТИҚЛОЛИЯТ", "istiqloliyat")]
    public void FromTitle_TajikTitle_UsesTajikLatinSpelling(string title, string expected) =>
        Assert.Equal(expected, SlugGenerator.FromTitle(title));

    [Theory]
    [InlineData("Права человека в Таджикистане", "prava-cheloveka-v-tadzhikistane")]
    [InlineData("Объявление о съезде", "obyavlenie-o-sezde")]
    [InlineData("Ёлка и щука", "yolka-i-shchuka")]
    [InlineData("Пытки недопустимы", "pytki-nedopustimy")]
    public void FromTitle_RussianTitle_Transliterates(string title, string expected) =>
        Assert.Equal(expected, SlugGenerator.FromTitle(title));

    [Theory]
    [InlineData("ғ", "gh")]
    [InlineData("қ", "q")]
    [InlineData("ӯ", "u")]
    [InlineData("ӣ", "i")]
    [InlineData("ҳ", "h")]
    [InlineData("ҷ", "j")]
    [InlineData("Ғ", "gh")]
    [InlineData("Ҷ", "j")]
    public void FromTitle_TajikLetter_MapsToItsLatinLetter(string letter, string expected) =>
        Assert.Equal(expected, SlugGenerator.FromTitle(letter));

    [Fact]
    public void FromTitle_DecomposedTajikLetters_AreComposedFirst()
    {
        // "Рӯзи" typed as у + combining macron, as some keyboards do.
        var decomposed = "Рӯзи".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Рӯзи".Length, decomposed.Length);

        Assert.Equal("ruzi", SlugGenerator.FromTitle(decomposed));
    }

    [Theory]
    [InlineData("Human Rights Day 2026", "human-rights-day-2026")]
    [InlineData("Café déjà vu", "cafe-deja-vu")]
    [InlineData("EU-funded project", "eu-funded-project")]
    public void FromTitle_LatinTitle_LowercasesAndHyphenates(string title, string expected) =>
        Assert.Equal(expected, SlugGenerator.FromTitle(title));

    [Theory]
    [InlineData("«Кто, если не мы?» — встреча", "kto-esli-ne-my-vstrecha")]
    [InlineData("  Hello,   world!!! ", "hello-world")]
    [InlineData("A / B & C: 50% (draft)", "a-b-c-50-draft")]
    [InlineData("---dashes---", "dashes")]
    [InlineData("snake_case_title", "snake-case-title")]
    public void FromTitle_Punctuation_BecomesSingleHyphens(string title, string expected) =>
        Assert.Equal(expected, SlugGenerator.FromTitle(title));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? …")]
    [InlineData("中文标题")]
    public void FromTitle_NothingUsable_ReturnsItem(string? title) =>
        Assert.Equal("item", SlugGenerator.FromTitle(title));

    [Fact]
    public void FromTitle_LongTitle_IsCutAtAWordBoundaryWithinTheCap()
    {
        var title = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));

        var slug = SlugGenerator.FromTitle(title);

        Assert.InRange(slug.Length, SlugGenerator.MaxLength / 2, SlugGenerator.MaxLength);
        Assert.True(SlugGenerator.IsValid(slug), slug);
        Assert.StartsWith("word1-word2-", slug, StringComparison.Ordinal);
        // Whole words only: the slug is a prefix of the full slug followed there by a hyphen.
        var full = string.Join('-', Enumerable.Range(1, 40).Select(i => $"word{i}"));
        Assert.Equal('-', full[slug.Length]);
    }

    [Fact]
    public void FromTitle_OneVeryLongWord_IsCutAtTheCap()
    {
        var slug = SlugGenerator.FromTitle(new string('a', 200));

        Assert.Equal(new string('a', SlugGenerator.MaxLength), slug);
    }

    [Theory]
    [InlineData("human-rights-day-2026")]
    [InlineData("a")]
    [InlineData("2026")]
    [InlineData("ruzi-huquqi-inson")]
    public void IsValid_WellFormedSlug_IsTrue(string slug) =>
        Assert.True(SlugGenerator.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Human-Rights")]
    [InlineData("human--rights")]
    [InlineData("-human")]
    [InlineData("human-")]
    [InlineData("human rights")]
    [InlineData("human_rights")]
    [InlineData("права")]
    [InlineData("news/other")]
    [InlineData("..")]
    public void IsValid_MalformedSlug_IsFalse(string? slug) =>
        Assert.False(SlugGenerator.IsValid(slug));

    [Fact]
    public void IsValid_LengthLimit_Is200()
    {
        Assert.True(SlugGenerator.IsValid(new string('a', 200)));
        Assert.False(SlugGenerator.IsValid(new string('a', 201)));
    }

    [Fact]
    public void FromTitle_AnyResult_IsValid()
    {
        foreach (var title in new[] { "Рӯзи ҳуқуқи инсон", "«»", "Ёж", "x", "Ⅻ century", "émigré" })
        {
            Assert.True(SlugGenerator.IsValid(SlugGenerator.FromTitle(title)), title);
        }
    }
}
