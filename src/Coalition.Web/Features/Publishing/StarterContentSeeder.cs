using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Creates the fixed addresses of every content type (About, Contacts, the disclaimer…) with their starter text, on
/// every start and in every environment. An address that exists in a language, in any state, is left as it is, so an
/// edited page is never overwritten; a new language joins the translation group of the others.
/// </summary>
public sealed partial class StarterContentSeeder(CoalitionDbContext db, MarkdownRenderer renderer, TimeProvider clock, ILogger<StarterContentSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var created = 0;
        foreach (var definition in ContentTypes.All.Where(d => d.StarterContent.Count > 0))
        {
            var method = typeof(StarterContentSeeder).GetMethod(nameof(SeedTypeAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(definition.EntityType);
            created += await (Task<int>)method.Invoke(this, [definition, ct])!;
        }

        if (created > 0)
        {
            LogCreated(logger, created);
        }

        return created;
    }

    private async Task<int> SeedTypeAsync<T>(ContentDefinition definition, CancellationToken ct)
        where T : ContentItem
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var slug in definition.StarterContent.Select(s => s.Slug).Distinct())
        {
            var existing = await db.Set<T>().Where(x => x.Slug == slug)
                .Select(x => new { x.Culture, x.TranslationGroupId }).ToListAsync(ct);
            var group = existing.Select(e => e.TranslationGroupId).FirstOrDefault();
            if (group == Guid.Empty)
            {
                group = Guid.NewGuid();
            }

            foreach (var text in definition.StarterContent.Where(s => s.Slug == slug && existing.All(e => e.Culture != s.Culture)))
            {
                var item = definition.NewEntity();
                item.Culture = text.Culture;
                item.TranslationGroupId = group;
                item.Slug = slug;
                item.Title = text.Title;
                item.Summary = text.Summary;
                item.BodyMarkdown = text.Body;
                item.BodyHtml = renderer.ToSafeHtml(text.Body);
                item.Status = PublicationStatus.Published;
                item.PublishedUtc = now;
                item.CreatedUtc = now;
                item.UpdatedUtc = now;
                item.ContentChangedUtc = now;
                item.Version = 1;
                definition.ApplyFields(item, definition.NewFields());
                db.Add(item);
                created++;
            }
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created {Count} fixed pages with their starter text")]
    private static partial void LogCreated(ILogger logger, int count);
}
