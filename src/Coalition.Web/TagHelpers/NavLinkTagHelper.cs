using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Coalition.Web.TagHelpers;

/// <summary><c>&lt;a nav-link href="/ru/news"&gt;</c>: marks the link of the current section with aria-current="page".</summary>
[HtmlTargetElement("a", Attributes = "nav-link")]
public sealed class NavLinkTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>Match only this exact path (the home link), not every page under it.</summary>
    [HtmlAttributeName("nav-exact")]
    public bool Exact { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll("nav-link");
        var href = output.Attributes["href"]?.Value?.ToString();
        if (string.IsNullOrEmpty(href))
        {
            return;
        }

        var path = ViewContext.HttpContext.Request.Path.Value?.TrimEnd('/') ?? "";
        var target = href.TrimEnd('/');
        var current = Exact
            ? string.Equals(path, target, StringComparison.OrdinalIgnoreCase)
            : path.Equals(target, StringComparison.OrdinalIgnoreCase) || path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
        if (current)
        {
            output.Attributes.SetAttribute("aria-current", "page");
        }
    }
}
