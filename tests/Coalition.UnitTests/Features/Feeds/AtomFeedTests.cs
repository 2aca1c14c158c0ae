using System.ServiceModel.Syndication;
using System.Xml;
using Coalition.Web.Features.Feeds;

namespace Coalition.UnitTests.Features.Feeds;

public sealed class AtomFeedTests
{
    private static SyndicationFeed Parse(byte[] atom)
    {
        using var reader = XmlReader.Create(new MemoryStream(atom));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public void Write_WritesAtomThatTheSyndicationReaderReadsBack()
    {
        var published = new DateTime(2020, 5, 5, 5, 0, 0, DateTimeKind.Utc);
        var entry = new AtomEntry("https://coalition.example.org/en/press/launch", "Launch & <start>", "Summary with ünïcode — and «quotes»",
            "https://coalition.example.org/en/press/launch", published, published.AddHours(1), Category: null, Enclosure: null)
        {
            Attachments = [new AtomEnclosure("https://coalition.example.org/en/press/launch/files/a.pdf", "application/pdf", 0) { Length = 1234, Title = "Release.pdf" }],
        };

        var feed = Parse(AtomFeed.Write(new AtomFeedInfo("https://coalition.example.org/en/press/feed.atom", "Press releases", "https://coalition.example.org/en/press/feed.atom",
            "https://coalition.example.org/en/press", "Coalition", "en"), [entry], published));

        Assert.Equal("Press releases", feed.Title.Text);
        Assert.Equal("en", feed.Language);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsoluteUri == "https://coalition.example.org/en/press/feed.atom");
        var item = Assert.Single(feed.Items);
        Assert.Equal("Launch & <start>", item.Title.Text);
        Assert.Equal("Summary with ünïcode — and «quotes»", item.Summary.Text);
        Assert.Equal(new DateTimeOffset(published), item.PublishDate);
        Assert.Equal(new DateTimeOffset(published.AddHours(1)), item.LastUpdatedTime);
        Assert.Equal(new DateTimeOffset(published.AddHours(1)), feed.LastUpdatedTime);
        var enclosure = Assert.Single(item.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal(1234, enclosure.Length);
        Assert.Equal("application/pdf", enclosure.MediaType);
    }

    [Fact]
    public void Write_WithoutEntries_IsStillAValidFeed()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var feed = Parse(AtomFeed.Write(new AtomFeedInfo("https://x.example/ru/press/feed.atom", "Пресс-релизы", "https://x.example/ru/press/feed.atom", "https://x.example/ru/press", "Coalition", "ru"), [], now));
        Assert.Empty(feed.Items);
        Assert.Equal(new DateTimeOffset(now), feed.LastUpdatedTime);
    }
}
