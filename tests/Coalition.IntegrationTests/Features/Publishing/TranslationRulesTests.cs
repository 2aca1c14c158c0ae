using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Publishing;

/// <summary>What "Translate to…" copies, and the question before a translation still in the original's words goes live.</summary>
public sealed class TranslationRulesTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Translate_ItemWithPendingChanges_CopiesWhatThePublicSees()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await factory.CreateNewsAsync("Опубликованный заголовок", publish: true, body: "Опубликованный текст.");
        using (var draft = await editor.SubmitFormAsync($"/admin/news/{id}/edit", $"/admin/news/{id}/edit", new() { ["Title"] = "Черновик заголовка", ["Body"] = "Черновик текста.", ["action"] = "draft" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        using var translated = await editor.SubmitFormAsync($"/admin/news/{id}/edit", $"/admin/news/{id}/translate", new() { ["culture"] = "en" });

        var copy = await factory.QueryDbAsync(db => db.News.AsNoTracking().FirstAsync(n => n.TranslatedFromId == id));
        Assert.Equal("Опубликованный заголовок", copy.Title);
        Assert.Equal("Опубликованный текст.", copy.BodyMarkdown);
    }

    [Fact]
    public async Task PublishNow_TranslationStillInTheOriginalsWords_AsksFirst_ThenPublishesOnConfirm()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await factory.CreateNewsAsync("Заголовок на русском", publish: true, body: "Текст на русском.");
        using (var translated = await editor.SubmitFormAsync($"/admin/news/{id}/edit", $"/admin/news/{id}/translate", new() { ["culture"] = "en" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        }

        var copyId = await factory.QueryDbAsync(db => db.News.Where(n => n.TranslatedFromId == id).Select(n => n.Id).FirstAsync());
        using var asked = await editor.SubmitFormAsync($"/admin/news/{copyId}/edit", $"/admin/news/{copyId}/publish");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await asked.ParseAsync();
        Assert.Contains("still exactly those of the original", question.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Draft, await StatusAsync(copyId));

        using var confirmed = await editor.SubmitFormAsync(question, $"/admin/news/{copyId}/publish");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(PublicationStatus.Published, await StatusAsync(copyId));
    }

    [Fact]
    public async Task SaveAndPublish_UntranslatedText_KeepsTheFormAndAsksForTheBox_TranslatedTextGoesThrough()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await factory.CreateNewsAsync("Ещё один заголовок", publish: true, body: "Ещё один текст.");
        using (var translated = await editor.SubmitFormAsync($"/admin/news/{id}/edit", $"/admin/news/{id}/translate", new() { ["culture"] = "tg" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        }

        var copyId = await factory.QueryDbAsync(db => db.News.Where(n => n.TranslatedFromId == id).Select(n => n.Id).FirstAsync());
        var action = $"/admin/news/{copyId}/edit";
        using var asked = await editor.SubmitFormAsync(action, action, new() { ["Summary"] = "Typed summary", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        var form = await asked.ParseAsync();
        Assert.NotNull(form.QuerySelector("input[name=Confirmed][type=checkbox]"));
        Assert.Equal("Typed summary", form.QuerySelector("textarea[name=Summary]")?.TextContent);
        Assert.Equal(PublicationStatus.Draft, await StatusAsync(copyId));

        using var translatedText = await editor.SubmitFormAsync(form, action, new() { ["Title"] = "Сарлавҳаи дигар", ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, translatedText.StatusCode);
        Assert.Equal(PublicationStatus.Published, await StatusAsync(copyId));
    }

    private Task<PublicationStatus> StatusAsync(int id) =>
        factory.QueryDbAsync(db => db.News.Where(n => n.Id == id).Select(n => n.Status).FirstAsync());
}
