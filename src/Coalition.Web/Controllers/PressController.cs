using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Feeds;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Press;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Infrastructure;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Press;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Controllers;

/// <summary>
/// The press room: releases with their files, media contacts, the press kit, the Atom feed, e-mail alerts and the
/// embargo access links. Every release read goes through <see cref="ContentVisibility"/> (or a live access link).
/// </summary>
[Route("{culture:culture}/press")]
public sealed class PressController(
    ContentQueries content,
    PressRoomQueries press,
    PressFiles files,
    AlternateLinks alternates,
    PageMeta meta,
    IStringLocalizer<SharedResource> t) : Controller
{
    public const int PageSize = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromRoute] string culture, int page = 1, int? year = null, CancellationToken ct = default)
    {
        if (page < 1 || year is < 2000 or > 2100)
        {
            return NotFound();
        }

        var list = await press.ListAsync(culture, year, page, PageSize, ct);
        if (page > list.PageCount)
        {
            return NotFound();
        }

        AnnounceFeed(culture);
        return View(new PressListViewModel(list, await press.YearsAsync(culture, ct), year));
    }

    [HttpGet("feed.atom")]
    public async Task<IActionResult> Feed([FromRoute] string culture, [FromServices] PublicUrls urls, [FromServices] IOptions<PressOptions> options, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var releases = await press.LatestAsync(culture, options.Value.FeedSize, ct);
        var entries = new List<AtomEntry>();
        foreach (var release in releases)
        {
            var model = await press.ReleaseAsync(release, ct);
            var path = $"/{culture}/press/{release.Slug}";
            entries.Add(new AtomEntry(urls.Absolute(path), release.Title, release.Summary, urls.Absolute(path), release.PublishedUtc!.Value,
                release.ContentChangedUtc > release.PublishedUtc ? release.ContentChangedUtc : release.PublishedUtc.Value, Category: null, Enclosure: null)
            {
                Attachments = model.Documents.Select(d => new AtomEnclosure(urls.Absolute($"{path}/files/{d.StoredName}"), d.ContentType, 0) { Length = d.SizeBytes, Title = d.DisplayName })
                    .Concat(model.Photos.Select(p => new AtomEnclosure(urls.Absolute($"{path}/files/{p.DownloadName}"), "image/jpeg", 0) { Title = p.Image.Alt }))
                    .ToList(),
            });
        }

        var title = $"{t["Press releases"]} — {t["Coalition against Torture and Impunity in Tajikistan"]}";
        var self = urls.Absolute($"/{culture}/press/feed.atom");
        var info = new AtomFeedInfo(self, title, self, urls.Absolute($"/{culture}/press"), t["Coalition against Torture and Impunity in Tajikistan"], culture);
        var bytes = AtomFeed.Write(info, entries, clock.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "public, max-age=300";
        return File(bytes, AtomFeed.ContentType);
    }

    [HttpGet("contacts")]
    public async Task<IActionResult> Contacts([FromRoute] string culture, CancellationToken ct)
    {
        AnnounceFeed(culture);
        return View(new PressContactsViewModel(await press.ContactsAsync(culture, ct: ct)));
    }

    [HttpGet("kit")]
    public async Task<IActionResult> Kit([FromRoute] string culture, CancellationToken ct)
    {
        var (documents, photos, all) = await press.KitAsync(culture, ct);
        AnnounceFeed(culture);
        return View(new PressKitViewModel(documents, photos, all.Sum(m => m.SizeBytes), await press.ContactsAsync(culture, ct: ct)));
    }

    [HttpGet("kit/press-kit.zip")]
    public async Task<IActionResult> KitZip([FromRoute] string culture, CancellationToken ct)
    {
        var (_, _, all) = await press.KitAsync(culture, ct);
        if (all.Count == 0)
        {
            return NotFound();
        }

        var zip = new MemoryStream();
        await files.WriteZipAsync(all, zip, ct);
        zip.Position = 0;
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(zip, "application/zip", KitFileName(culture));
    }

    [HttpGet("kit/files/{name}")]
    public async Task<IActionResult> KitFile([FromRoute] string name, CancellationToken ct) =>
        await press.KitFileAsync(name, ct) is { } item && await files.ServeAsync(HttpContext, item, name, publicCache: true, ct) is { } result
            ? result
            : NotFound();

    [HttpGet("alerts")]
    public IActionResult Subscribe([FromRoute] string culture)
    {
        meta.NoIndex = true;
        AnnounceFeed(culture);
        return View(new PressSubscribeViewModel());
    }

    /// <summary>The same answer for every address: invalid, new, pending or already confirmed.</summary>
    [HttpPost("alerts")]
    [EnableRateLimiting(PressExtensions.SubscribePolicy)]
    public async Task<IActionResult> Subscribe([FromRoute] string culture, PressSubscribeViewModel form, [FromServices] PressSubscriptions subscriptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        meta.NoIndex = true;
        await subscriptions.SubscribeAsync(form.Email, culture, ct);
        return View(new PressSubscribeViewModel { Sent = true });
    }

    [HttpGet("alerts/confirm")]
    public async Task<IActionResult> Confirm(string? token, [FromServices] PressSubscriptions subscriptions, CancellationToken ct)
    {
        NoStore();
        var confirmed = await subscriptions.ConfirmAsync(token, ct);
        return View("Message", confirmed
            ? new PressMessageViewModel(t["Alerts confirmed"], t["You will receive an e-mail when a new press release is published in this language."])
            : new PressMessageViewModel(t["This link does not work"], t["The link is wrong or has expired. You can ask for alerts again."]));
    }

    /// <summary>Asks before unsubscribing, so that a mail scanner opening the link does not unsubscribe anyone.</summary>
    [HttpGet("alerts/unsubscribe")]
    public IActionResult Unsubscribe(string? token)
    {
        NoStore();
        return View("Message", new PressMessageViewModel(t["Stop press-release alerts"], t["Press the button to stop the e-mails to this address."], token ?? ""));
    }

    /// <summary>
    /// The one-click unsubscribe (RFC 8058): mail programs post here without a page, so without an antiforgery
    /// token; the signed token in the address is the authorisation.
    /// </summary>
    [HttpPost("alerts/unsubscribe")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(PressExtensions.SubscribePolicy)]
    public async Task<IActionResult> UnsubscribeConfirmed([FromQuery] string? token, [FromServices] PressSubscriptions subscriptions, CancellationToken ct)
    {
        NoStore();
        var formToken = Request.HasFormContentType ? Request.Form["token"].ToString() : null;
        await subscriptions.UnsubscribeAsync(string.IsNullOrEmpty(token) ? formToken : token, ct);
        return View("Message", new PressMessageViewModel(t["Alerts stopped"], t["This address will receive no more press-release alerts in this language."]));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show([FromRoute] string culture, [FromRoute] string slug, CancellationToken ct)
    {
        var found = await content.FindPublicAsync<PressRelease>(culture, slug, ct);
        if (found.RedirectSlug is not null)
        {
            return RedirectPermanent($"/{culture}/press/{found.RedirectSlug}");
        }

        if (found.Item is not { } release)
        {
            return NotFound();
        }

        var translations = await content.PublicTranslationsAsync<PressRelease>(release.TranslationGroupId, ct);
        alternates.ForItem(translations.ToDictionary(x => x.Key, x => $"/{x.Key}/press/{x.Value}"), "press");
        AnnounceFeed(culture);
        var model = (PressReleaseViewModel)await ContentTypes.For<PressRelease>().PublicModelAsync(release, HttpContext.RequestServices, ct);
        return View(model with { FileBase = $"/{culture}/press/{release.Slug}/files/" });
    }

    /// <summary>A release's attachment: only while the release is public, so never before its embargo ends.</summary>
    [HttpGet("{slug}/files/{name}")]
    public async Task<IActionResult> ReleaseFile([FromRoute] string culture, [FromRoute] string slug, [FromRoute] string name, CancellationToken ct)
    {
        var found = await content.FindPublicAsync<PressRelease>(culture, slug, ct);
        return found.Item is { } release && await press.ReleaseFileAsync(release, name, ct) is { } item
            && await files.ServeAsync(HttpContext, item, name, publicCache: true, ct) is { } result
            ? result
            : NotFound();
    }

    /// <summary>
    /// An access link: before the embargo, the release read-only and marked as embargoed, never indexed or cached;
    /// after it, the public page.
    /// </summary>
    [HttpGet("access/{token}")]
    [EnableRateLimiting(PressExtensions.AccessPolicy)]
    public async Task<IActionResult> Access([FromRoute] string culture, [FromRoute] string token, [FromServices] PressAccessLinks links, [FromServices] Features.Media.ItemMediaGrants mediaGrants, CancellationToken ct)
    {
        NoStore();
        var access = await links.ResolveAsync(token, countOpening: true, ct);
        if (access is null)
        {
            return NotFound();
        }

        if (!access.Embargoed)
        {
            return Redirect($"/{access.Release.Culture}/press/{access.Release.Slug}");
        }

        meta.NoIndex = true;
        // Images from the library in the release's text are under /media/, private until the embargo ends: the
        // reader's browser may open this release's files for a while (its attachments come through this link).
        mediaGrants.Grant(HttpContext, nameof(PressRelease), access.Release.Id);
        var model = await press.ReleaseAsync(access.Release, ct);
        return View("Show", model with
        {
            FileBase = $"/{culture}/press/access/{Uri.EscapeDataString(token)}/files/",
            EmbargoedUntilUtc = access.Release.PublishedUtc,
        });
    }

    [HttpGet("access/{token}/files/{name}")]
    [EnableRateLimiting(PressExtensions.AccessPolicy)]
    public async Task<IActionResult> AccessFile([FromRoute] string token, [FromRoute] string name, [FromServices] PressAccessLinks links, CancellationToken ct)
    {
        NoStore();
        var access = await links.ResolveAsync(token, countOpening: false, ct);
        return access is not null && await press.ReleaseFileAsync(access.Release, name, ct) is { } item
            && await files.ServeAsync(HttpContext, item, name, publicCache: false, ct) is { } result
            ? result
            : NotFound();
    }

    private void AnnounceFeed(string culture)
    {
        meta.FeedUrl = $"/{culture}/press/feed.atom";
        meta.FeedTitle = t["Press releases"];
    }

    private void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    private static string KitFileName(string culture) => culture switch
    {
        "ru" => "press-kit-ru.zip",
        "tg" => "press-kit-tg.zip",
        _ => "press-kit-en.zip",
    };
}
