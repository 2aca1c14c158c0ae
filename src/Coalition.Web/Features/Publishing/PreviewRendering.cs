using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Renders a draft exactly as the public would see it: the type's own public view, in the item's language, with the
/// working copy's text and fields and a preview banner; never indexed, never cached.
/// </summary>
public static class PreviewRendering
{
    public static async Task<IActionResult> PreviewViewAsync(this Controller controller, ContentItem item, WorkingCopy copy, MarkdownRenderer renderer, MediaQueries media, string? backUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(media);
        var definition = ContentTypes.For(item.GetType());
        var culture = SiteCultures.ToCultureInfo(item.Culture);
        var headers = controller.Response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";

        var draft = definition.NewEntity();
        draft.Id = item.Id;
        draft.Culture = item.Culture;
        draft.TranslationGroupId = item.TranslationGroupId;
        draft.Status = item.Status;
        draft.PublishedUtc = item.PublishedUtc;
        draft.UnpublishUtc = item.UnpublishUtc;
        draft.CreatedUtc = item.CreatedUtc;
        draft.UpdatedUtc = item.UpdatedUtc;
        draft.Title = copy.Title;
        draft.Slug = copy.Slug;
        draft.Summary = copy.Summary;
        draft.BodyMarkdown = copy.Body;
        draft.BodyHtml = renderer.ToSafeHtml(copy.Body, await media.ImagesInTextAsync(copy.Body, item.Culture, ct));
        definition.ApplyFields(draft, copy.Fields);

        var meta = controller.HttpContext.RequestServices.GetRequiredService<PageMeta>();
        meta.NoIndex = true;
        meta.Preview = new PreviewBanner(backUrl);
        var model = await definition.PublicModelAsync(draft, controller.HttpContext.RequestServices, ct);
        return new InCultureResult(controller.View(definition.PublicView, model), culture);
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

/// <summary>The banner on top of a preview, with the way back to the editor when staff opened it.</summary>
public sealed record PreviewBanner(string? BackUrl);
