using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

/// <summary>Share links: a read-only preview of a draft for someone without an account.</summary>
public sealed class PreviewController(ShareLinkService links, RevisionStore revisions, CoalitionDbContext db, MarkdownRenderer renderer, MediaQueries media, ItemMediaGrants mediaGrants) : Controller
{
    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var link = await links.ResolveAsync(token, ct);
        var type = ContentTypes.ByName(link?.ContentType);
        if (link is null || type is null || await db.FindAsync(type.EntityType, [link.ItemId], ct) is not ContentItem item || item.DeletedUtc is not null)
        {
            Response.Headers.CacheControl = "no-store";
            return NotFound();
        }

        // The draft's images are not public yet: this browser may load the ones this item uses, for a while.
        mediaGrants.Grant(HttpContext, type.EntityType.Name, item.Id);
        return await this.PreviewViewAsync(item, await revisions.WorkingCopyAsync(item, ct), renderer, media, backUrl: null, ct);
    }
}
