using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.ViewModels.News;

public sealed record NewsListViewModel(PagedList<ContentSummary> Page, bool Untranslated);

public sealed record NewsArticleViewModel(string Title, string? Summary, string BodyHtml, DateTime? PublishedUtc)
{
    public MediaImage? Cover { get; init; }
}

/// <summary>A list of news cards. Headings go one level below their section: h2 under the news page's h1, h3 under the home page's "Latest news".</summary>
public sealed record NewsListPartial(IReadOnlyList<ContentSummary> Items, int HeadingLevel);
