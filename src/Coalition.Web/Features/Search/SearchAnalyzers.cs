using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Coalition.Web.Features.Search;

/// <summary>
/// One analyser per site language, used alike for the text that goes into the index and for the visitor's words:
/// <list type="bullet">
/// <item>Russian: ё folded to е, lower case, Russian stop words, the Snowball Russian stemmer, and a fleeting-vowel
/// rule (пыток → пытк, as in пытка), which the Snowball stemmer leaves alone.</item>
/// <item>English: lower case, possessives, English stop words, Porter stemming (monitoring → monitor).</item>
/// <item>Tajik: the Russian chain after folding the Tajik letters to what people type on a Russian keyboard
/// (ҳ→х, ҷ→ч, қ→к, ғ→г, ӯ→у, ӣ→и), so "ҳуқуқ" and "хукук" are one word.</item>
/// </list>
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer For(string culture) => culture switch
    {
        "en" => English,
        "tg" => Tajik,
        _ => Russian,
    };

    public static readonly Analyzer Russian = new CyrillicAnalyzer(RussianFolding());

    public static readonly Analyzer Tajik = new CyrillicAnalyzer(TajikFolding());

    public static readonly Analyzer English = new EnglishStemmingAnalyzer();

    /// <summary>Every field of one culture with its analyser (fields are named <c>title_ru</c>, <c>text_en</c>…).</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Localization.SiteCultures.All
            .SelectMany(c => new[] { (SearchFields.Title(c), For(c)), (SearchFields.Text(c), For(c)) })
            .ToDictionary(p => p.Item1, p => p.Item2));

    private static NormalizeCharMap RussianFolding()
    {
        var map = new NormalizeCharMap.Builder();
        map.Add("ё", "е");
        map.Add("Ё", "Е");
        return map.Build();
    }

    private static NormalizeCharMap TajikFolding()
    {
        var map = new NormalizeCharMap.Builder();
        foreach (var (from, to) in new[] { ("ҳ", "х"), ("ҷ", "ч"), ("қ", "к"), ("ғ", "г"), ("ӯ", "у"), ("ӣ", "и"), ("ё", "е") })
        {
            map.Add(from, to);
            map.Add(from.ToUpperInvariant(), to.ToUpperInvariant());
        }

        return map.Build();
    }

    private sealed class CyrillicAnalyzer(NormalizeCharMap folding) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(folding, reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new LowerCaseFilter(Version, source);
            result = new StopFilter(Version, result, RussianAnalyzer.DefaultStopSet);
            result = new SnowballFilter(result, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
            result = new FleetingVowelFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }

    private sealed class EnglishStemmingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new EnglishPossessiveFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }
    }

    /// <summary>
    /// Genitive plurals drop a vowel that the other forms do not have (пытка, пыток; девушка, девушек; кусок, куска).
    /// Snowball keeps "пыток" whole, so a stem ending in consonant + о/е + к loses that vowel. It runs at index and
    /// query time alike, so a word that only looks like this pattern (урок → урк) still finds its own forms.
    /// </summary>
    private sealed class FleetingVowelFilter(TokenStream input) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var length = _term.Length;
            var buffer = _term.Buffer;
            if (length >= 5 && buffer[length - 1] == 'к' && buffer[length - 2] is 'о' or 'е' && IsConsonant(buffer[length - 3]))
            {
                buffer[length - 2] = 'к';
                _term.Length = length - 1;
            }

            return true;
        }

        private static bool IsConsonant(char c) => c is >= 'а' and <= 'я' && "аеиоуыэюяьъй".IndexOf(c, StringComparison.Ordinal) < 0;
    }
}

/// <summary>Field names of the search index.</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Path = "path";
    public const string Published = "published";
    public const string Until = "until";
    public const string Version = "version";

    public static string Title(string culture) => "title_" + culture;

    public static string Text(string culture) => "text_" + culture;
}
