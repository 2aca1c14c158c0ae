using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Coalition.Web.Features.Search;

/// <summary>
/// Keeps the best <c>size</c> hits by relevance and counts them all. Among equal scores the entry written last comes
/// first: an item is written when it is published or changed, and a rebuild writes them in order of publication, so
/// that is "newer first". Lucene's own sorting collector with a second sort field (the date) costs several times more
/// per hit than this, and a query that matches every item pays it on every hit (docs/performance.md).
/// </summary>
internal sealed class RankedCollector(int size) : ICollector
{
    private readonly PriorityQueue<ScoreDoc, ScoreDoc> _kept = new(size + 1, Comparer<ScoreDoc>.Create(Compare));
    private Scorer? _scorer;
    private int _docBase;
    private int _total;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        _total++;
        var score = _scorer!.GetScore();
        var id = _docBase + doc;
        if (_kept.Count < size)
        {
            var hit = new ScoreDoc(id, score);
            _kept.Enqueue(hit, hit);
            return;
        }

        var worst = _kept.Peek();
        if (score > worst.Score || (score == worst.Score && id > worst.Doc))
        {
            var hit = new ScoreDoc(id, score);
            _kept.DequeueEnqueue(hit, hit);
        }
    }

    /// <summary>The kept hits, best first, with the count of all hits.</summary>
    public TopDocs TopDocs()
    {
        var best = _kept.UnorderedItems.Select(x => x.Element).ToArray();
        Array.Sort(best, (a, b) => Compare(b, a));
        return new TopDocs(_total, best, best.Length == 0 ? float.NaN : best[0].Score);
    }

    // "Better" compares greater: a higher score, then a later entry. The queue's head is the worst hit kept.
    private static int Compare(ScoreDoc? a, ScoreDoc? b)
    {
        var byScore = a!.Score.CompareTo(b!.Score);
        return byScore != 0 ? byScore : a.Doc.CompareTo(b.Doc);
    }
}
