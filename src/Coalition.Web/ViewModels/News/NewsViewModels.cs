using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.ViewModels.News;

public sealed record NewsListViewModel(PagedList<ContentSummary> Page, bool Untranslated);

public sealed record NewsArticleViewModel(string Title, string? Summary, string BodyHtml, DateTime PublishedUtc, bool IsPreview = false)
{
    public MediaImage? Cover { get; init; }
}
