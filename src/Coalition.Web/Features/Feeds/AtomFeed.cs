using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Coalition.Web.Features.Feeds;

/// <summary>One entry of a feed; <see cref="Link"/> and enclosure URLs are absolute.</summary>
public sealed record FeedEntry(string Id, string Title, string? Summary, string Link, DateTime PublishedUtc, DateTime UpdatedUtc)
{
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}

public sealed record FeedEnclosure(string Url, string MediaType, long Length, string Title);

/// <summary>
/// Builds an Atom 1.0 document with System.ServiceModel.Syndication (never by hand), for the press room, and later
/// for news and the site-wide feed: the caller gives absolute URLs made from the configured public base URL.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="id">A stable absolute URI for the feed (its own address).</param>
    /// <param name="alternate">The HTML page the feed mirrors.</param>
    public static byte[] Build(string id, string title, string self, string alternate, string language, IEnumerable<FeedEntry> entries, DateTime fallbackUpdatedUtc)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = entries.Select(ToItem).ToList();
        var feed = new SyndicationFeed(title, null, new Uri(alternate), id, Utc(items.Count == 0 ? fallbackUpdatedUtc : items.Max(i => i.LastUpdatedTime.UtcDateTime)))
        {
            Language = language,
            Items = items,
        };
        feed.Links.Add(new SyndicationLink(new Uri(self)) { RelationshipType = "self", MediaType = "application/atom+xml" });
        feed.Authors.Add(new SyndicationPerson { Name = title });

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static SyndicationItem ToItem(FeedEntry e)
    {
        var item = new SyndicationItem(e.Title, (TextSyndicationContent?)null, new Uri(e.Link), e.Id, Utc(e.UpdatedUtc))
        {
            PublishDate = Utc(e.PublishedUtc),
        };
        if (!string.IsNullOrWhiteSpace(e.Summary))
        {
            item.Summary = new TextSyndicationContent(e.Summary);
        }

        foreach (var enclosure in e.Enclosures)
        {
            item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(enclosure.Url), enclosure.MediaType, enclosure.Length));
            item.Links[^1].Title = enclosure.Title;
        }

        return item;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
