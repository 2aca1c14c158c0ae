using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Demo;

/// <summary>
/// Fills an empty database with demo news written from the project's public facts.
/// Runs only when <c>Seed:Demo</c> is true and there is no content yet; it never touches existing data.
/// </summary>
public sealed partial class DemoContentSeeder(CoalitionDbContext db, MarkdownRenderer renderer, DemoCovers covers, DemoEventSeeder events, TimeProvider clock, ILogger<DemoContentSeeder> logger)
{
    public async Task SeedAsync()
    {
        await events.SeedAsync();
        if (await db.News.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The covers first: the media library saves through the same context, and the news must not be saved half-built.
        var coverIds = new List<int?>();
        for (var i = 0; i < DemoContent.News.Count; i++)
        {
            coverIds.Add((await covers.CreateAsync(i))?.Id);
        }

        foreach (var (story, cover) in DemoContent.News.Zip(coverIds))
        {
            var group = Guid.NewGuid();
            foreach (var (culture, text) in story.Texts)
            {
                var article = Build<NewsArticle>(culture, group, SlugGenerator.FromTitle(text.Title), text, story.PublishedUtc, now);
                article.CoverMediaId = cover;
                article.MediaRefs = ContentDefinition.MediaRefsOf(cover is { } c ? [c] : []);
                db.News.Add(article);
            }
        }

        await db.SaveChangesAsync();
        LogSeeded(logger, DemoContent.News.Sum(n => n.Texts.Count));
    }

    private T Build<T>(string culture, Guid group, string slug, DemoText text, DateTime publishedUtc, DateTime now)
        where T : ContentItem, new() => new()
    {
        Culture = culture,
        TranslationGroupId = group,
        Slug = slug,
        Title = text.Title,
        Summary = text.Summary,
        BodyMarkdown = text.Body,
        BodyHtml = renderer.ToSafeHtml(text.Body),
        Status = PublicationStatus.Published,
        PublishedUtc = publishedUtc,
        CreatedUtc = publishedUtc < now ? publishedUtc : now,
        UpdatedUtc = publishedUtc < now ? publishedUtc : now,
        ContentChangedUtc = publishedUtc < now ? publishedUtc : now,
        Version = 1,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo content: {NewsCount} news articles")]
    private static partial void LogSeeded(ILogger logger, int newsCount);
}
