using Coalition.Web.Features.Publishing;

namespace Coalition.Web.ViewModels.Home;

public sealed record HomeViewModel(IReadOnlyList<ContentSummary> LatestNews, bool Untranslated);
