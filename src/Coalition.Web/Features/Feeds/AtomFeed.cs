using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Coalition.Web.Features.Feeds;

/// <summary>One entry of an Atom feed, with absolute addresses.</summary>
/// <param name="Id">A permanent id that survives a change of address (<c>tag:host,2026:NewsArticle/12</c>).</param>
public sealed record AtomEntry(string Id, string Title, string? Summary, string Url, DateTime PublishedUtc, DateTime UpdatedUtc, string? Category, AtomEnclosure? Enclosure)
{
    /// <summary>Files that come with the entry (a press release's PDF, DOCX and photos), each an enclosure link.</summary>
    public IReadOnlyList<AtomEnclosure> Attachments { get; init; } = [];
}

/// <summary>A file that goes with an entry (the cover image).</summary>
public sealed record AtomEnclosure(string Url, string MediaType, int Width)
{
    /// <summary>The file's size in bytes, when known (attachments); 0 for a cover image.</summary>
    public long Length { get; init; }

    /// <summary>The file's name or the image's alt text.</summary>
    public string? Title { get; init; }
}

/// <summary>What a whole feed says about itself; every address absolute.</summary>
public sealed record AtomFeedInfo(string Id, string Title, string SelfUrl, string AlternateUrl, string Author, string Language);

/// <summary>
/// Writes an Atom 1.0 document with System.ServiceModel.Syndication: the one Atom writer of the portal, for the
/// news, site-wide and any later feed. Feed <c>updated</c> is the newest entry's (or <paramref name="emptyUpdatedUtc"/>).
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(AtomFeedInfo info, IReadOnlyList<AtomEntry> entries, DateTime emptyUpdatedUtc)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(entries);
        var feed = new SyndicationFeed
        {
            Id = info.Id,
            Title = new TextSyndicationContent(info.Title),
            Language = info.Language,
            LastUpdatedTime = Utc(entries.Count == 0 ? emptyUpdatedUtc : entries.Max(e => e.UpdatedUtc)),
        };
        feed.Authors.Add(new SyndicationPerson { Name = info.Author, Uri = info.AlternateUrl });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(info.SelfUrl), "application/atom+xml"));
        feed.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(info.AlternateUrl), "text/html"));
        feed.Items = entries.Select(Item).ToList();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static SyndicationItem Item(AtomEntry entry)
    {
        var item = new SyndicationItem
        {
            Id = entry.Id,
            Title = new TextSyndicationContent(entry.Title),
            PublishDate = Utc(entry.PublishedUtc),
            LastUpdatedTime = Utc(entry.UpdatedUtc),
        };
        if (!string.IsNullOrWhiteSpace(entry.Summary))
        {
            item.Summary = new TextSyndicationContent(entry.Summary);
        }

        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(entry.Url), "text/html"));
        foreach (var enclosure in (entry.Enclosure is { } cover ? [cover] : Array.Empty<AtomEnclosure>()).Concat(entry.Attachments))
        {
            var link = SyndicationLink.CreateMediaEnclosureLink(new Uri(enclosure.Url), enclosure.MediaType, enclosure.Length);
            link.Title = enclosure.Title;
            item.Links.Add(link);
        }

        if (entry.Category is not null)
        {
            item.Categories.Add(new SyndicationCategory(entry.Category));
        }

        return item;
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
