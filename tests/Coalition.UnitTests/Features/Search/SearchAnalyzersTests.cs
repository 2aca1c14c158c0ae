using Coalition.Web.Features.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace Coalition.UnitTests.Features.Search;

/// <summary>What the visitor types and what the text says end up as the same indexed words, in each language.</summary>
public sealed class SearchAnalyzersTests
{
    [Theory]
    // Russian morphology: the visitor's form finds the other forms of the word.
    [InlineData("ru", "пытки", "пыток")]
    [InlineData("ru", "пытки", "пытками")]
    [InlineData("ru", "пытки", "пытка")]
    [InlineData("ru", "пыток", "пытках")]
    [InlineData("ru", "суд", "суда")]
    [InlineData("ru", "правозащитники", "правозащитников")]
    [InlineData("ru", "ПЫТКИ", "пытки")]
    // ё and е are one letter.
    [InlineData("ru", "ещё", "еще")]
    [InlineData("ru", "Пётр", "петр")]
    // English stemming.
    [InlineData("en", "monitor", "monitoring")]
    [InlineData("en", "monitors", "monitored")]
    [InlineData("en", "torture", "tortured")]
    [InlineData("en", "Victims", "victim")]
    [InlineData("en", "coalition's", "coalition")]
    // Tajik letters and their Russian-keyboard substitutes.
    [InlineData("tg", "ҳуқуқ", "хукук")]
    [InlineData("tg", "шиканҷа", "шиканча")]
    [InlineData("tg", "ғайриқонунӣ", "гайриконуни")]
    [InlineData("tg", "рӯз", "руз")]
    [InlineData("tg", "Ҳуқуқ", "ҳуқуқ")]
    [InlineData("tg", "ёрӣ", "ери")]
    public void For_TwoFormsOfOneWord_GiveTheSameTerm(string culture, string typed, string written) =>
        Assert.Equal(Terms(culture, written), Terms(culture, typed));

    [Theory]
    [InlineData("ru", "пытки", "суд")]
    [InlineData("en", "monitor", "month")]
    [InlineData("tg", "ҳуқуқ", "хона")]
    public void For_DifferentWords_StayApart(string culture, string one, string other) =>
        Assert.NotEqual(Terms(culture, one), Terms(culture, other));

    [Theory]
    [InlineData("ru")]
    [InlineData("tg")]
    [InlineData("en")]
    public void For_OnlyPunctuationAndOperators_GivesNoTerms(string culture) =>
        Assert.Empty(Terms(culture, "*** ?? \" ( ) + - && || ! ^ ~ : \\ / [ ] { }"));

    private static List<string> Terms(string culture, string text)
    {
        using var stream = SearchAnalyzers.For(culture).GetTokenStream("text_" + culture, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
