using Coalition.Data.Entities;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Areas.Admin.ViewModels;

public sealed record SupportMessagesViewModel(SupportMessageStatus Status, PagedList<QueuedMessage> Messages);

public sealed record CampaignToolsViewModel(
    Campaign Campaign,
    IReadOnlyList<LinkedStory> Stories,
    IReadOnlyList<DraftStory> Drafts,
    StoryScheduleForm Form,
    IReadOnlyList<PlannedStory>? Plan);

/// <summary>The story schedule: which drafts, from which day, at what time (Dushanbe).</summary>
public sealed class StoryScheduleForm
{
    public List<int> ArticleIds { get; set; } = [];

    public DateOnly? FirstDay { get; set; }

    public TimeOnly? Time { get; set; }
}
