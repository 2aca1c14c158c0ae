using System.Collections.Concurrent;
using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Publishing;

/// <summary>Every saved change reaches the listeners (search index, cache eviction, alerts), once, with whether the public version changed.</summary>
public sealed class ContentChangeListenerTests(ContentChangeListenerTests.RecordingAppFactory factory) : IClassFixture<ContentChangeListenerTests.RecordingAppFactory>
{
    public sealed class RecordingAppFactory : CoalitionAppFactory
    {
        public ConcurrentQueue<ContentChange> Changes { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddScoped<IContentChangeListener>(_ => new Recorder(Changes));

        private sealed class Recorder(ConcurrentQueue<ContentChange> changes) : IContentChangeListener
        {
            public Task OnChangedAsync(ContentChange change, CancellationToken ct)
            {
                changes.Enqueue(change);
                return Task.CompletedTask;
            }
        }
    }

    [Fact]
    public async Task Editing_PublishingAndTrashing_ReportEachChange_DraftOfLiveAsNotLive()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var (id, _) = await factory.CreateNewsAsync("Listener test", publish: true);
        factory.Changes.Clear();

        await Submit(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/edit", new() { ["Title"] = "Pending title", ["action"] = "draft" });
        await Submit(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/publish", []);
        await Submit(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/unpublish", []);
        await Submit(editor, $"/admin/news/{id}/delete", $"/admin/news/{id}/delete", []);

        var changes = factory.Changes.Where(c => c.Id == id).ToList();
        Assert.Equal(
            [(ContentChangeKind.Edited, false), (ContentChangeKind.Published, true), (ContentChangeKind.Unpublished, true), (ContentChangeKind.Trashed, true)],
            changes.Select(c => (c.Kind, c.LiveChanged)).ToList());
        Assert.All(changes, c => Assert.Equal("NewsArticle", c.Type.Name));
    }

    private static async Task Submit(HttpClient editor, string page, string action, Dictionary<string, string> changes)
    {
        using var response = await editor.SubmitFormAsync(page, action, changes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
