using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewComponents;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>The moderation queue of messages of support: newest first; approve, reject, hide or delete, one or many.</summary>
[Route("admin/support-messages")]
[AdminMenu("Messages of support", 30)]
public sealed class SupportMessagesController(SupportMessages messages, IStringLocalizer<SharedResource> text) : AdminControllerBase
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, int page = 1, CancellationToken ct = default)
    {
        var state = Enum.TryParse<SupportMessageStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : SupportMessageStatus.Waiting;
        return View(new SupportMessagesViewModel(state, await messages.QueueAsync(state, page, PageSize, ct)));
    }

    [HttpPost("{id:int}/approve")]
    public Task<IActionResult> Approve([FromRoute] int id, [FromForm] string? status) => ApplyAsync([id], nameof(MessageDecision.Approve), status);

    [HttpPost("{id:int}/reject")]
    public Task<IActionResult> Reject([FromRoute] int id, [FromForm] string? status) => ApplyAsync([id], nameof(MessageDecision.Reject), status);

    [HttpPost("{id:int}/hide")]
    public Task<IActionResult> Hide([FromRoute] int id, [FromForm] string? status) => ApplyAsync([id], nameof(MessageDecision.Hide), status);

    [HttpPost("{id:int}/delete")]
    public Task<IActionResult> Delete([FromRoute] int id, [FromForm] string? status) => ApplyAsync([id], nameof(MessageDecision.Delete), status);

    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([FromForm] List<int> ids, [FromForm] string? decision, [FromForm] string? status)
    {
        if (ids is null || ids.Count == 0)
        {
            Notice(text["Tick at least one message first."]);
            return RedirectToAction(nameof(Index), new { status });
        }

        return await ApplyAsync(ids, decision, status);
    }

    private async Task<IActionResult> ApplyAsync(IReadOnlyList<int> ids, string? decision, string? status)
    {
        if (!Enum.TryParse<MessageDecision>(decision, ignoreCase: true, out var d) || !Enum.IsDefined(d))
        {
            return BadRequest();
        }

        var changed = await messages.DecideAsync(ids, d, UserId);
        Notice(text[d switch
        {
            MessageDecision.Approve => "Approved: {0}.",
            MessageDecision.Reject => "Rejected: {0}.",
            MessageDecision.Hide => "Hidden: {0}.",
            _ => "Deleted: {0}.",
        }, changed]);
        return RedirectToAction(nameof(Index), new { status = Enum.TryParse<SupportMessageStatus>(status, true, out var s) ? s.ToString().ToLowerInvariant() : null });
    }
}
