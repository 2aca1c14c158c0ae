using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.News;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.News;

/// <summary>News articles: <c>/{culture}/news/{slug}</c>, with a cover image.</summary>
public sealed class NewsDefinition : ContentDefinition<NewsArticle, NewsFields>
{
    public override string AdminSegment => "news";
    public override string PluralName => "News";
    public override string SingularName => "Article";
    public override int MenuOrder => 10;
    public override string SectionPath => "news";
    public override string FieldsPartial => "~/Areas/Admin/Views/Content/Fields/_News.cshtml";
    public override string PublicView => "~/Views/News/Show.cshtml";
    public override bool HasFeed => true;
    public override string SchemaType => "NewsArticle";

    protected override NewsFields Read(NewsArticle item) => new() { CoverMediaId = item.CoverMediaId, CampaignGroupId = item.CampaignGroupId };

    protected override void Apply(NewsArticle item, NewsFields fields)
    {
        item.CoverMediaId = fields.CoverMediaId;
        item.CampaignGroupId = fields.CampaignGroupId;
    }

    /// <summary>A story can only belong to a campaign that exists (in any language).</summary>
    protected override async Task ValidateAsync(NewsFields fields, FieldValidation validation)
    {
        if (fields.CampaignGroupId is { } group
            && !await validation.Services.GetRequiredService<Coalition.Data.CoalitionDbContext>().Campaigns.AnyAsync(c => c.TranslationGroupId == group))
        {
            validation.Fail(nameof(fields.CampaignGroupId), "Choose a campaign from the list.");
        }
    }

    protected override async Task<object> PublicModelAsync(NewsArticle item, IServiceProvider services, CancellationToken ct) =>
        new NewsArticleViewModel(item.Title, item.Summary, item.BodyHtml, item.PublishedUtc)
        {
            Cover = await services.GetRequiredService<MediaQueries>().ImageAsync(item.CoverMediaId, item.Culture, ct),
        };
}

public sealed class NewsFields : ContentFields
{
    /// <summary>The cover image from the media library, shown in lists and on top of the article.</summary>
    [Display(Name = "Cover image")]
    [MediaReference(MediaKind.Image)]
    public int? CoverMediaId { get; set; }

    /// <summary>The campaign (its translation group) this article is a story of; its page lists it.</summary>
    [Display(Name = "Campaign")]
    public Guid? CampaignGroupId { get; set; }
}
