using Coalition.Web.Areas.Admin.ViewComponents;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Press;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>The press room's own admin: media contacts, the press kit, and embargo access links per release.</summary>
[AdminMenu("Press room", 45)]
[Route("admin/press-room")]
public sealed class PressRoomController(PressAdmin admin, PressAccessLinks links, PublicUrls urls, TimeProvider clock, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new PressRoomViewModel(await admin.ContactsAsync(ct), await admin.KitAsync(ct), await admin.KitCandidatesAsync(ct), await admin.ReleasesAsync(Now, ct), Now));

    [HttpGet("contacts/new")]
    public IActionResult NewContact() => View("Contact", new MediaContactEditViewModel(0, new MediaContactForm()));

    [HttpGet("contacts/{id:int}")]
    public async Task<IActionResult> Contact([FromRoute] int id, CancellationToken ct) =>
        await admin.ContactAsync(id, ct) is { } contact ? View(new MediaContactEditViewModel(id, MediaContactForm.From(contact))) : NotFound();

    [HttpPost("contacts/{id:int}")]
    public async Task<IActionResult> SaveContact([FromRoute] int id, [Bind(Prefix = "Form")] MediaContactForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Contact", new MediaContactEditViewModel(id, form));
        }

        if (!await admin.SaveContactAsync(id, form.ToEntity(), ct))
        {
            return NotFound();
        }

        Notice(t["Contact saved."]);
        return Redirect("/admin/press-room");
    }

    [HttpPost("contacts/{id:int}/delete")]
    public async Task<IActionResult> DeleteContact([FromRoute] int id, CancellationToken ct)
    {
        Notice(await admin.DeleteContactAsync(id, ct) ? t["Contact deleted."] : t["This contact is named on a press release: remove it there first."]);
        return Redirect("/admin/press-room");
    }

    [HttpPost("kit")]
    public async Task<IActionResult> AddToKit([FromForm] int mediaId, [FromForm] string? captionRu, [FromForm] string? captionTg, [FromForm] string? captionEn, [FromForm] string? credit, CancellationToken ct)
    {
        Notice(await admin.AddToKitAsync(mediaId, Limit(captionRu, 300), Limit(captionTg, 300), Limit(captionEn, 300), Limit(credit, 200), ct)
            ? t["Added to the press kit."]
            : t["Choose a file of the media library that is not in the kit yet."]);
        return Redirect("/admin/press-room#kit");
    }

    [HttpPost("kit/{id:int}/remove")]
    public async Task<IActionResult> RemoveFromKit([FromRoute] int id, CancellationToken ct)
    {
        if (!await admin.RemoveFromKitAsync(id, ct))
        {
            return NotFound();
        }

        Notice(t["Removed from the press kit."]);
        return Redirect("/admin/press-room#kit");
    }

    [HttpGet("releases/{id:int}/links")]
    public async Task<IActionResult> Links([FromRoute] int id, CancellationToken ct) =>
        await admin.ReleaseAsync(id, ct) is { } release
            ? View(new AccessLinksViewModel(release, await links.ListAsync(id, ct), new AccessLinkForm(), null, Now))
            : NotFound();

    /// <summary>Creates a link and shows its address once: only its hash is kept.</summary>
    [HttpPost("releases/{id:int}/links")]
    public async Task<IActionResult> CreateLink([FromRoute] int id, [Bind(Prefix = "Form")] AccessLinkForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await admin.ReleaseAsync(id, ct) is not { } release)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Links", new AccessLinksViewModel(release, await links.ListAsync(id, ct), form, null, Now));
        }

        var token = await links.CreateAsync(id, form.Recipient, form.Days, ct);
        Response.Headers.CacheControl = "no-store";
        return View("Links", new AccessLinksViewModel(release, await links.ListAsync(id, ct), new AccessLinkForm(), urls.Absolute($"/{release.Culture}/press/access/{token}"), Now));
    }

    [HttpPost("releases/{id:int}/links/{linkId:int}/revoke")]
    public async Task<IActionResult> RevokeLink([FromRoute] int id, [FromRoute] int linkId, CancellationToken ct)
    {
        if (!await links.RevokeAsync(id, linkId, ct))
        {
            return NotFound();
        }

        Notice(t["The access link no longer works."]);
        return Redirect($"/admin/press-room/releases/{id}/links");
    }

    private static string? Limit(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
