using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class NewsArticleConfiguration : IEntityTypeConfiguration<NewsArticle>
{
    public void Configure(EntityTypeBuilder<NewsArticle> builder)
    {
        builder.ToTable("NewsArticles");
        builder.ConfigureContent();
        // Restrict: the database, too, refuses to delete an image that is still a cover.
        builder.HasOne(x => x.CoverMedia).WithMany().HasForeignKey(x => x.CoverMediaId).OnDelete(DeleteBehavior.Restrict);
        // A campaign's stories, in publication order.
        builder.HasIndex(x => new { x.CampaignGroupId, x.Culture, x.PublishedUtc });
    }
}
