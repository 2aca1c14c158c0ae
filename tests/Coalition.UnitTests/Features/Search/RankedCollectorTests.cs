using Coalition.Web.Features.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Coalition.UnitTests.Features.Search;

/// <summary>The search's own collector: best first by relevance, the entry written last first among equals, all counted.</summary>
public sealed class RankedCollectorTests
{
    [Fact]
    public void TopDocs_EqualScores_LastWrittenFirst_AndEveryHitCounted()
    {
        using var index = Index(Enumerable.Range(0, 30).Select(i => $"monitoring report {i}"));

        var top = Collect(index, "monitor", size: 10);

        Assert.Equal(30, top.TotalHits);
        Assert.Equal(Enumerable.Range(20, 10).Reverse(), top.ScoreDocs.Select(d => d.Doc));
    }

    [Fact]
    public void TopDocs_HigherScore_ComesFirst_WhereverItWasWritten()
    {
        var texts = Enumerable.Range(0, 20).Select(i => $"a long text about many things and one monitoring visit {i}").ToList();
        texts[3] = "monitoring";
        using var index = Index(texts);

        var top = Collect(index, "monitor", size: 5);

        Assert.Equal(3, top.ScoreDocs[0].Doc);
        Assert.True(top.ScoreDocs[0].Score > top.ScoreDocs[1].Score);
        Assert.Equal(top.ScoreDocs.Select(d => d.Score).OrderByDescending(s => s), top.ScoreDocs.Select(d => d.Score));
    }

    [Fact]
    public void TopDocs_NoHits_IsEmpty()
    {
        using var index = Index(["monitoring"]);

        var top = Collect(index, "torture", size: 10);

        Assert.Equal(0, top.TotalHits);
        Assert.Empty(top.ScoreDocs);
    }

    private static TopDocs Collect(DirectoryReader reader, string term, int size)
    {
        var collector = new RankedCollector(size);
        new IndexSearcher(reader).Search(new TermQuery(new Term("text_en", SearchTerm(term))), collector);
        return collector.TopDocs();
    }

    private static string SearchTerm(string word)
    {
        using var stream = SearchAnalyzers.English.GetTokenStream("text_en", word);
        var attribute = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        stream.IncrementToken();
        return attribute.ToString();
    }

    private static DirectoryReader Index(IEnumerable<string> texts)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)))
        {
            foreach (var text in texts)
            {
                writer.AddDocument(new Document { new TextField("text_en", text, Field.Store.NO) });
            }
        }

        return DirectoryReader.Open(directory);
    }
}
