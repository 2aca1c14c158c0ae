using Coalition.Web.Features.Discovery;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.ViewComponents;

/// <summary>Canonical link, feed links, OpenGraph and Twitter tags and JSON-LD in the layout's head (<see cref="HeadTags"/>).</summary>
public sealed class HeadTagsViewComponent(HeadTags tags) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await tags.BuildAsync(HttpContext, HttpContext.RequestAborted) is { } model ? View(model) : Content("");
}
