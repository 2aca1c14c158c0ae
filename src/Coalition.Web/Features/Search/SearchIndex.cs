using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Coalition.Web.Features.Search;

/// <summary>
/// This instance's Lucene index of every published, non-trashed item of every content type, in every language.
/// <list type="bullet">
/// <item>Publish and unpublish times are stored in each entry and compared with "now" at query time, so a scheduled
/// item, an embargo's end and an expiry need no job (<see cref="ContentVisibility"/> is the same rule on the database).</item>
/// <item>A saved change updates its entry at once (<see cref="SearchIndexListener"/>); every few seconds
/// <see cref="CatchUpAsync"/> compares each table with the index (a cheap stamp first, then id and version) and
/// applies what changed elsewhere: on another instance, or straight in the database.</item>
/// <item>A missing or unreadable index is rebuilt from the database.</item>
/// </list>
/// One writer per process; every change goes through one lock. Searches never wait for it.
/// See docs/decisions/0014-search-index-per-instance.md.
/// </summary>
public sealed partial class SearchIndex(
    IOptions<SearchOptions> options,
    IWebHostEnvironment environment,
    IServiceScopeFactory scopes,
    ILogger<SearchIndex> logger,
    Microsoft.AspNetCore.OutputCaching.IOutputCacheStore? cache = null) : IDisposable
{
    private const char MatchStart = '\uE000';
    private const char MatchEnd = '\uE001';
    private const int MaxTerms = 16;
    private const int MaxResults = 1000;
    private const int SnippetLength = 200;
    private const int MaxCharsToHighlight = 20_000;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, int> _indexed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stamp> _stamps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touchedCultures = new(StringComparer.Ordinal);
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private volatile SearcherManager? _searchers;

    /// <summary>The folder in use (the configured one, or a sibling when another process holds its lock).</summary>
    public string? FolderInUse { get; private set; }

    /// <summary>Whether the last open found the index missing or unreadable and started it again.</summary>
    public bool StartedEmpty { get; private set; }

    /// <summary>How many entries the index holds (visible or not yet), for tests and the health page.</summary>
    public int Count
    {
        get
        {
            _lock.Wait();
            try
            {
                return _indexed.Count;
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    /// <summary>Compares every content table with the index and applies the differences; opens (or rebuilds) it first.</summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            EnsureOpen();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var changed = false;
            foreach (var type in ContentTypes.All)
            {
                var stamp = await StampAsync(db, type, ct);
                if (_stamps.TryGetValue(type.Name, out var known) && known == stamp)
                {
                    continue;
                }

                changed |= await SyncTypeAsync(db, type, ct);
                _stamps[type.Name] = stamp;
            }

            if (changed)
            {
                Commit();
            }
        }
        finally
        {
            _lock.Release();
        }

        await EvictCachedSearchesAsync(ct);
    }

    /// <summary>Brings one item's entry up to date after a saved change (or removes it).</summary>
    public async Task UpdateAsync(ContentDefinition type, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        await _lock.WaitAsync(ct);
        try
        {
            EnsureOpen();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
            var item = await ContentSets.Of(db, type).FirstOrDefaultAsync(x => x.Id == id, ct);
            var key = KeyOf(type, id);
            if (item is not null && IsIndexable(item))
            {
                Write(type, item);
            }
            else if (_indexed.Remove(key))
            {
                _writer!.DeleteDocuments(new Term(SearchFields.Key, key));
                Touch(SiteCultures.All);
            }

            Commit();
        }
        finally
        {
            _lock.Release();
        }

        await EvictCachedSearchesAsync(ct);
    }

    /// <summary>
    /// Searches the items of <paramref name="culture"/> visible at <paramref name="nowUtc"/>. The visitor's words
    /// go through the language's analyser and become term queries: no query syntax (fields, wildcards, quotes,
    /// operators) is ever parsed, so any input is safe.
    /// </summary>
    public SearchResult Search(string culture, string text, string? typeName, int page, int pageSize, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var analyzer = SearchAnalyzers.For(culture);
        var terms = Terms(analyzer, SearchFields.Text(culture), text).Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
        if (terms.Count == 0 || _searchers is not { } searchers)
        {
            return SearchResult.Empty(page, terms.Count > 0);
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Title(culture), term)) { Boost = 3f }, Occur.SHOULD },
                { new TermQuery(new Term(SearchFields.Text(culture), term)), Occur.SHOULD },
            }, Occur.MUST);
        }

        // What is not visible now is excluded with MUST_NOT: the scheduled and the expired are few, so these ranges
        // are cheap, where a filter of everything visible would be built over every entry on every search. No
        // culture clause is needed: each language has its own fields (title_ru, text_en…).
        var now = nowUtc.Ticks;
        var visible = new BooleanQuery
        {
            { query, Occur.MUST },
            { NumericRangeQuery.NewInt64Range(SearchFields.Published, now, null, false, true), Occur.MUST_NOT },
            { NumericRangeQuery.NewInt64Range(SearchFields.Until, null, now, true, true), Occur.MUST_NOT },
        };
        if (typeName is not null)
        {
            visible.Add(new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Type, typeName))) { Boost = 0f }, Occur.MUST);
        }

        var searcher = searchers.Acquire();
        try
        {
            var wanted = Math.Min(page * pageSize, MaxResults);
            var ranked = new RankedCollector(Math.Max(1, wanted));
            searcher.Search(visible, ranked);
            var top = ranked.TopDocs();
            var total = Math.Min(top.TotalHits, MaxResults);
            var hits = new List<SearchHit>();
            var textHighlighter = Highlighter(query, SearchFields.Text(culture), new SimpleSpanFragmenterFactory(SnippetLength));
            var titleHighlighter = Highlighter(query, SearchFields.Title(culture), null);
            foreach (var scoreDoc in top.ScoreDocs.Skip((page - 1) * pageSize).Take(pageSize))
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                var title = doc.Get(SearchFields.Title(culture)) ?? "";
                var body = doc.Get(SearchFields.Text(culture)) ?? "";
                var snippet = textHighlighter.GetBestFragment(analyzer, SearchFields.Text(culture), body)
                    ?? Shorten(body);
                var marked = titleHighlighter.GetBestFragment(analyzer, SearchFields.Title(culture), title) ?? title;
                hits.Add(new SearchHit(
                    doc.Get(SearchFields.Type),
                    Parts(marked),
                    doc.Get(SearchFields.Path),
                    new DateTime(doc.GetField(SearchFields.Published).GetInt64Value() ?? 0, DateTimeKind.Utc),
                    Parts(snippet)));
            }

            return new SearchResult(hits, total, page, Math.Max(1, (total + pageSize - 1) / pageSize), HadTerms: true);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers?.Dispose();
        _writer?.Dispose();
        _directory?.Dispose();
        _lock.Dispose();
    }

    /// <summary>
    /// A term-based highlighter: every query here is a set of term queries, so the span-aware QueryScorer (which builds
    /// an in-memory index per document) is not needed, and this one is an order of magnitude cheaper per result.
    /// </summary>
    private static Highlighter Highlighter(Query query, string field, SimpleSpanFragmenterFactory? fragmenter)
    {
        var scorer = new QueryTermScorer(query, field);
        return new Highlighter(new SimpleHTMLFormatter(MatchStart.ToString(), MatchEnd.ToString()), scorer)
        {
            TextFragmenter = fragmenter is null ? new NullFragmenter() : new SimpleFragmenter(fragmenter.Length),
            MaxDocCharsToAnalyze = MaxCharsToHighlight,
        };
    }

    private sealed record SimpleSpanFragmenterFactory(int Length);

    /// <summary>The highlighter's output split at its markers: the view encodes every part, marks the matches.</summary>
    private static IReadOnlyList<SnippetPart> Parts(string marked)
    {
        var parts = new List<SnippetPart>();
        var rest = marked.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(MatchStart);
            if (start < 0)
            {
                parts.Add(new SnippetPart(rest.ToString(), false));
                break;
            }

            if (start > 0)
            {
                parts.Add(new SnippetPart(rest[..start].ToString(), false));
            }

            rest = rest[(start + 1)..];
            var end = rest.IndexOf(MatchEnd);
            var match = end < 0 ? rest : rest[..end];
            parts.Add(new SnippetPart(match.ToString(), true));
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return parts;
    }

    private static string Shorten(string text) =>
        text.Length <= SnippetLength ? text : text[..(text.LastIndexOf(' ', SnippetLength) is > 0 and var cut ? cut : SnippetLength)] + " …";

    private static IEnumerable<string> Terms(Lucene.Net.Analysis.Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static string KeyOf(ContentDefinition type, int id) => type.Name + ":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsIndexable(ContentItem item) =>
        item.Status == PublicationStatus.Published && item.DeletedUtc is null && item.PublishedUtc is not null && SiteCultures.IsSupported(item.Culture);

    private readonly record struct Stamp(int Count, long Versions, int MaxId);

    private static async Task<Stamp> StampAsync(CoalitionDbContext db, ContentDefinition type, CancellationToken ct)
    {
        // Every change of an item adds one to its Version; a purge lowers the count; a new item raises the highest id.
        var row = await ContentSets.Of(db, type).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Versions = g.Sum(x => (long)x.Version), MaxId = g.Max(x => x.Id) })
            .FirstOrDefaultAsync(ct);
        return row is null ? default : new Stamp(row.Count, row.Versions, row.MaxId);
    }

    private async Task<bool> SyncTypeAsync(CoalitionDbContext db, ContentDefinition type, CancellationToken ct)
    {
        var rows = await ContentSets.Of(db, type)
            .Where(x => x.Status == PublicationStatus.Published && x.DeletedUtc == null && x.PublishedUtc != null)
            .OrderBy(x => x.PublishedUtc).ThenBy(x => x.Id) // written oldest first: among equal scores, newer ranks first
            .Select(x => new { x.Id, x.Version })
            .ToListAsync(ct);
        var wanted = rows.ToDictionary(r => KeyOf(type, r.Id), r => r.Version, StringComparer.Ordinal);
        var prefix = type.Name + ":";
        var gone = _indexed.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !wanted.ContainsKey(k)).ToList();
        foreach (var key in gone)
        {
            _writer!.DeleteDocuments(new Term(SearchFields.Key, key));
            _indexed.Remove(key);
            Touch(SiteCultures.All);
        }

        var stale = rows.Where(r => !_indexed.TryGetValue(KeyOf(type, r.Id), out var v) || v != r.Version).Select(r => r.Id).ToList();
        foreach (var batch in stale.Chunk(500))
        {
            var items = await ContentSets.Of(db, type).Where(x => batch.Contains(x.Id))
                .OrderBy(x => x.PublishedUtc).ThenBy(x => x.Id).ToListAsync(ct);
            foreach (var item in items.Where(IsIndexable))
            {
                Write(type, item);
            }
        }

        if (gone.Count + stale.Count > 0)
        {
            LogSynced(logger, type.Name, stale.Count, gone.Count);
        }

        return gone.Count + stale.Count > 0;
    }

    private void Write(ContentDefinition type, ContentItem item)
    {
        var key = KeyOf(type, item.Id);
        var culture = item.Culture;
        var published = item.PublishedUtc!.Value.Ticks;
        var doc = new Document
        {
            new StringField(SearchFields.Key, key, Field.Store.YES),
            new StringField(SearchFields.Type, type.Name, Field.Store.YES),
            new StoredField(SearchFields.Path, type.PublicPath(culture, item.Slug)),
            new TextField(SearchFields.Title(culture), Clean(item.Title), Field.Store.YES),
            new TextField(SearchFields.Text(culture), Clean(type.SearchText(item)), Field.Store.YES),
            new Int64Field(SearchFields.Published, published, Field.Store.YES),
            new Int64Field(SearchFields.Until, item.UnpublishUtc?.Ticks ?? long.MaxValue, Field.Store.NO),
            new StoredField(SearchFields.Version, item.Version),
        };
        if (_indexed.ContainsKey(key))
        {
            _writer!.UpdateDocument(new Term(SearchFields.Key, key), doc);
        }
        else
        {
            // Not in the index yet (a rebuild, a new item): no old entry to delete.
            _writer!.AddDocument(doc);
        }

        _indexed[key] = item.Version;
        Touch([culture]);
    }

    // The highlighter's markers must not come from the text itself.
    // Line breaks become spaces: a snippet is one line of text.
    private static string Clean(string? text) =>
        (text ?? "").Replace(MatchStart, ' ').Replace(MatchEnd, ' ').Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>
    /// Cached search pages of the languages whose entries changed are dropped after the index has the change (the
    /// cache's own eviction may run before it, and a change caught up from another instance raises no event here).
    /// </summary>
    private void Touch(IEnumerable<string> cultures)
    {
        lock (_touchedCultures)
        {
            _touchedCultures.UnionWith(cultures);
        }
    }

    private async Task EvictCachedSearchesAsync(CancellationToken ct)
    {
        if (cache is null)
        {
            return;
        }

        string[] cultures;
        lock (_touchedCultures)
        {
            cultures = [.. _touchedCultures];
            _touchedCultures.Clear();
        }

        foreach (var culture in cultures)
        {
            await cache.EvictByTagAsync(Caching.CacheTags.Search(culture), ct);
        }
    }

    private void Commit()
    {
        _writer!.Commit();
        _searchers!.MaybeRefreshBlocking();
    }

    private void EnsureOpen()
    {
        if (_writer is not null)
        {
            return;
        }

        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.IndexPath));
        try
        {
            Open(folder);
        }
        catch (LockObtainFailedException)
        {
            // Another process on this machine uses the folder (two instances started from one directory):
            // this one keeps its own beside it.
            Close();
            Open(folder + "-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void Open(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        FolderInUse = folder;
        StartedEmpty = false;
        try
        {
            OpenExisting(folder);
        }
        catch (Exception ex) when (ex is not LockObtainFailedException and not OutOfMemoryException)
        {
            // Missing, half-written or from another Lucene version: the database is the truth, start again.
            LogRebuilding(logger, ex.GetType().Name);
            Close();
            foreach (var file in System.IO.Directory.EnumerateFiles(folder))
            {
                File.Delete(file);
            }

            _directory = FSDirectory.Open(folder);
            _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField) { OpenMode = OpenMode.CREATE });
            _writer.Commit();
            _searchers = new SearcherManager(_writer, true, null);
            StartedEmpty = true;
        }
    }

    private void OpenExisting(string folder)
    {
        _directory = FSDirectory.Open(folder);
        _indexed.Clear();
        _stamps.Clear();
        if (!DirectoryReader.IndexExists(_directory))
        {
            throw new IndexNotFoundException("no index in " + folder);
        }

        using (var reader = DirectoryReader.Open(_directory))
        {
            var liveDocs = MultiFields.GetLiveDocs(reader);
            var fields = new HashSet<string> { SearchFields.Key, SearchFields.Version };
            for (var i = 0; i < reader.MaxDoc; i++)
            {
                if (liveDocs is not null && !liveDocs.Get(i))
                {
                    continue;
                }

                var doc = reader.Document(i, fields);
                _indexed[doc.Get(SearchFields.Key)] = doc.GetField(SearchFields.Version).GetInt32Value() ?? 0;
            }
        }

        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField) { OpenMode = OpenMode.APPEND });
        _searchers = new SearcherManager(_writer, true, null);
    }

    private void Close()
    {
        _searchers?.Dispose();
        _searchers = null;
        _writer?.Dispose();
        _writer = null;
        _directory?.Dispose();
        _directory = null;
        _indexed.Clear();
        _stamps.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index could not be opened ({Reason}); it is rebuilt from the database")]
    private static partial void LogRebuilding(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: {Type} caught up, {Updated} entries written, {Removed} removed")]
    private static partial void LogSynced(ILogger logger, string type, int updated, int removed);
}

public sealed record SnippetPart(string Text, bool Match);

/// <param name="TypeName">The content definition's <see cref="ContentDefinition.Name"/>.</param>
public sealed record SearchHit(string TypeName, IReadOnlyList<SnippetPart> Title, string Path, DateTime PublishedUtc, IReadOnlyList<SnippetPart> Snippet);

/// <param name="HadTerms">The query had at least one searchable word (not only punctuation or stop words).</param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageCount, bool HadTerms)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    public static SearchResult Empty(int page, bool hadTerms) => new([], 0, page, 1, hadTerms);
}
