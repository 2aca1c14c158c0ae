using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// A campaign's own tools beside the shared editor (<c>/admin/campaigns/{id}/edit</c> links here): its stories, the
/// story schedule (plan, then confirm), and "Start next year's campaign from this one".
/// </summary>
[Route("admin/campaign-tools")]
public sealed class CampaignToolsController(CampaignTools tools, IStringLocalizer<SharedResource> text) : AdminControllerBase
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Index([FromRoute] int id, CancellationToken ct) =>
        await ToolsViewAsync(id, new StoryScheduleForm(), plan: null, ct);

    [HttpPost("{id:int}/next-year")]
    public async Task<IActionResult> NextYear([FromRoute] int id)
    {
        var result = await tools.StartNextYearAsync(id, UserId);
        if (result.Problem == "NotFound")
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Notice(text["Next year's campaign could not be created: {0}. Check the campaign's materials and images, then try again.", result.Problem!]);
            return RedirectToAction(nameof(Index), new { id });
        }

        Notice(text["Next year's campaign was created as drafts in {0} languages. Rewrite the titles marked for editing and check the text before publishing.", result.Created]);
        return Redirect($"/admin/campaigns/{result.FirstId}/edit");
    }

    /// <summary>Shows the plan; nothing is saved until it is confirmed.</summary>
    [HttpPost("{id:int}/schedule/plan")]
    public async Task<IActionResult> Plan([FromRoute] int id, StoryScheduleForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var campaign = await tools.FindAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }

        var plan = await PlanOrErrorAsync(campaign, form, ct);
        if (plan is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await ToolsViewAsync(id, form, plan, ct);
    }

    [HttpPost("{id:int}/schedule")]
    public async Task<IActionResult> Schedule([FromRoute] int id, StoryScheduleForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var campaign = await tools.FindAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }

        var plan = await PlanOrErrorAsync(campaign, form, ct);
        if (plan is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ToolsViewAsync(id, form, null, ct);
        }

        var result = await tools.ScheduleAsync(campaign, plan, UserId);
        Notice(result.Failed.Count == 0
            ? text["Scheduled {0} stories.", result.Scheduled]
            : text["Scheduled {0} stories; {1} could not be scheduled (changed meanwhile?). Check them in the news list.", result.Scheduled, result.Failed.Count]);
        return RedirectToAction(nameof(Index), new { id });
    }

    private async Task<IReadOnlyList<PlannedStory>?> PlanOrErrorAsync(Coalition.Data.Entities.Campaign campaign, StoryScheduleForm form, CancellationToken ct)
    {
        if (form.ArticleIds.Count == 0)
        {
            ModelState.AddModelError(nameof(form.ArticleIds), text["Choose at least one draft article."]);
        }

        if (form.FirstDay is null)
        {
            ModelState.AddModelError(nameof(form.FirstDay), text["Choose the day of the first story."]);
        }

        if (form.Time is null)
        {
            ModelState.AddModelError(nameof(form.Time), text["Choose the time of day."]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var plan = await tools.PlanAsync(campaign, form.ArticleIds, form.FirstDay!.Value, form.Time!.Value, ct);
        if (plan is null)
        {
            ModelState.AddModelError(nameof(form.FirstDay), text["The first story's time has passed, or an article is no longer a draft. Choose again."]);
        }

        return plan;
    }

    private async Task<IActionResult> ToolsViewAsync(int id, StoryScheduleForm form, IReadOnlyList<PlannedStory>? plan, CancellationToken ct)
    {
        var campaign = await tools.FindAsync(id, ct);
        if (campaign is null)
        {
            return NotFound();
        }

        var stories = await tools.LinkedStoriesAsync(campaign, ct);
        return View("Index", new CampaignToolsViewModel(campaign, stories, await tools.DraftStoriesAsync(campaign, ct), form, plan));
    }
}
