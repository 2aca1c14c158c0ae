using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.ViewModels.News;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Features.Publishing;

/// <summary>Renders a draft exactly as the public would see it, in the item's language; never indexed, never cached.</summary>
public static class PreviewRendering
{
    public static async Task<IActionResult> PreviewViewAsync(this Controller controller, ContentItem item, WorkingCopy copy, MarkdownRenderer renderer, MediaQueries media, string? backUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(media);
        var culture = SiteCultures.ToCultureInfo(item.Culture);
        var headers = controller.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        var images = await media.ImagesInTextAsync(copy.Body, item.Culture, ct);
        var article = new NewsArticleViewModel(copy.Title, copy.Summary, renderer.ToSafeHtml(copy.Body, images), item.PublishedUtc)
        {
            Cover = await media.ImageAsync(copy.CoverMediaId, item.Culture, ct),
        };
        return new InCultureResult(controller.View("~/Views/Preview/Show.cshtml", new PreviewViewModel(article, backUrl)), culture);
    }

    /// <summary>
    /// Runs a result in <paramref name="culture"/>. The culture is set when the view renders, not in the action:
    /// a culture set inside an async action is undone when the action returns, before the view is rendered.
    /// </summary>
    private sealed class InCultureResult(IActionResult inner, CultureInfo culture) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return inner.ExecuteResultAsync(context);
        }
    }
}

public sealed record PreviewViewModel(NewsArticleViewModel Article, string? BackUrl);
