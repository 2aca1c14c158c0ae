using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.ViewModels.News;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Features.Publishing;

/// <summary>Renders a draft exactly as the public would see it, in the item's language; never indexed, never cached.</summary>
public static class PreviewRendering
{
    public static ViewResult PreviewView(this Controller controller, ContentItem item, WorkingCopy copy, MarkdownRenderer renderer, string? backUrl)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(renderer);
        var culture = SiteCultures.ToCultureInfo(item.Culture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var headers = controller.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        var article = new NewsArticleViewModel(copy.Title, copy.Summary, renderer.ToSafeHtml(copy.Body), item.PublishedUtc);
        return controller.View("~/Views/Preview/Show.cshtml", new PreviewViewModel(article, backUrl));
    }
}

public sealed record PreviewViewModel(NewsArticleViewModel Article, string? BackUrl);
