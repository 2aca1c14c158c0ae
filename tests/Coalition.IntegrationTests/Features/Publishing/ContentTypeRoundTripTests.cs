using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coalition.IntegrationTests.Features.Publishing;

/// <summary>
/// The shared editorial mechanism, proven once for every registered content definition through the real admin
/// forms: a type's own fields survive a draft of a live item, every revision, restore, "Translate to…" and the
/// conflict page exactly as the title does. A new type is covered the moment its definition exists, with the values
/// of its <see cref="ContentDefinition.ExampleFields"/>.
/// </summary>
public sealed class ContentTypeRoundTripTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    public static TheoryData<string> Types() => new(ContentTypes.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Types))]
    public async Task OwnFields_TravelThroughDraftOfLiveRevisionsRestoreAndTranslation(string type)
    {
        var definition = ContentTypes.ByName(type)!;
        var basePath = "/admin/" + definition.AdminSegment;
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var media = await MediaAsync(editor);
        var first = definition.ExampleFields(media.First);
        var second = Variant(definition, definition.ExampleFields(media.Second));
        var marker = Guid.NewGuid().ToString("N")[..8];

        // Create and publish, with the first values.
        var id = await CreateAsync(editor, definition, $"Round trip {marker}", $"round-trip-{marker}", first);
        var editPage = await editor.GetDocumentAsync($"{basePath}/{id}/edit");
        AssertFormShows(editPage, $"{basePath}/{id}/edit", first, definition);
        Assert.Equal(Describe(definition, first), Describe(definition, await LiveFieldsAsync(definition, id)));

        // A draft of the live item: the second values wait in a revision; the public keeps the first.
        using (var saved = await editor.SubmitFormAsync(editPage, $"{basePath}/{id}/edit", Form(definition, second, title: $"Changed {marker}", action: "draft")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(Describe(definition, first), Describe(definition, await LiveFieldsAsync(definition, id)));
        var pending = await factory.QueryDbAsync(db => db.Set<ContentRevision>().AsNoTracking()
            .Where(r => r.ContentType == type && r.ItemId == id).OrderByDescending(r => r.Number).FirstAsync());
        Assert.Equal(Describe(definition, second), Describe(definition, RevisionStore.CopyOf(pending).Fields));
        AssertFormShows(await editor.GetDocumentAsync($"{basePath}/{id}/edit"), $"{basePath}/{id}/edit", second, definition);

        // "Translate to…" copies what the public sees, not the pending changes.
        using (var translated = await editor.SubmitFormAsync($"{basePath}/{id}/edit", $"{basePath}/{id}/translate", new() { ["culture"] = "en" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        }

        var translation = await factory.QueryDbAsync(db => FindTranslationAsync(db, definition, id, "en"));
        Assert.Equal($"Round trip {marker}", translation.Title);
        Assert.Equal(Describe(definition, definition.ForTranslation(first, "en")), Describe(definition, definition.ReadFields(translation)));

        // Publishing brings the second values live.
        using (var published = await editor.SubmitFormAsync($"{basePath}/{id}/edit", $"{basePath}/{id}/publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(Describe(definition, second), Describe(definition, await LiveFieldsAsync(definition, id)));

        // The diff names the changed fields; restoring revision 1 brings the first values back (pending, then live).
        var diff = await editor.GetStringAsync(new Uri($"{basePath}/{id}/diff?from=1&to=2", UriKind.Relative));
        foreach (var field in definition.Describe(first, Text))
        {
            Assert.Contains(WebUtility.HtmlEncode(field.Label), diff, StringComparison.Ordinal);
        }

        using (var restored = await editor.SubmitFormAsync($"{basePath}/{id}/revisions/1", $"{basePath}/{id}/revisions/1/restore"))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        using (var published = await editor.SubmitFormAsync($"{basePath}/{id}/edit", $"{basePath}/{id}/publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal(Describe(definition, first), Describe(definition, await LiveFieldsAsync(definition, id)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task StaleForm_GetsTheConflictPageWithTheTypedFieldsKept(string type)
    {
        var definition = ContentTypes.ByName(type)!;
        var basePath = "/admin/" + definition.AdminSegment;
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var media = await MediaAsync(editor);
        var first = definition.ExampleFields(media.First);
        var second = Variant(definition, definition.ExampleFields(media.Second));
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(editor, definition, $"Conflict {marker}", $"conflict-{marker}", first, action: "draft");

        var stale = await editor.GetDocumentAsync($"{basePath}/{id}/edit");
        using (var meanwhile = await editor.SubmitFormAsync($"{basePath}/{id}/edit", $"{basePath}/{id}/edit", new() { ["Title"] = $"Saved meanwhile {marker}", ["action"] = "draft" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, meanwhile.StatusCode);
        }

        using var conflict = await editor.SubmitFormAsync(stale, $"{basePath}/{id}/edit", Form(definition, second, title: $"Mine {marker}", action: "draft"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await conflict.ParseAsync();
        AssertFormShows(page, $"{basePath}/{id}/edit", second, definition);
        Assert.Contains($"Saved meanwhile {marker}", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Describe(definition, first), Describe(definition, await LiveFieldsAsync(definition, id)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Preview_RendersTheTypesOwnPublicView(string type)
    {
        var definition = ContentTypes.ByName(type)!;
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var media = await MediaAsync(editor);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(editor, definition, $"Preview {marker}", $"preview-{marker}", definition.ExampleFields(media.First), action: "draft");

        using var response = await editor.GetAsync(new Uri($"/admin/{definition.AdminSegment}/{id}/preview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var page = await response.ParseAsync();
        Assert.Equal($"Preview {marker}", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main .notice[role=status]"));
        // A page is not a news article: no "News" breadcrumb above its title.
        var newsCrumb = page.QuerySelector("article .meta a[href='/ru/news']");
        Assert.Equal(definition.SectionPath == "news", newsCrumb is not null);
    }

    private static readonly IStringLocalizer Text = new PassThroughLocalizer();

    private async Task<int> CreateAsync(HttpClient editor, ContentDefinition definition, string title, string slug, ContentFields fields, string action = "publish")
    {
        var basePath = "/admin/" + definition.AdminSegment;
        var form = Form(definition, fields, title, action);
        form["Culture"] = "ru";
        form["Slug"] = slug;
        form["Summary"] = "A summary.";
        form["Body"] = "The text of the item.";
        using var response = await editor.PostFormAsync($"{basePath}/create", $"{basePath}/create", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private static string Errors(string html) =>
        string.Join(" | ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html)
            .QuerySelectorAll(".form-errors li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    private Task<ContentFields> LiveFieldsAsync(ContentDefinition definition, int id) =>
        factory.QueryDbAsync(async db => definition.ReadFields((ContentItem)(await db.FindAsync(definition.EntityType, id))!));

    private static async Task<ContentItem> FindTranslationAsync(CoalitionDbContext db, ContentDefinition definition, int sourceId, string culture)
    {
        var items = await ((IQueryable<ContentItem>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(definition.EntityType).Invoke(db, null)!).AsNoTracking().ToListAsync();
        var source = items.Single(i => i.Id == sourceId);
        return items.Single(i => i.TranslationGroupId == source.TranslationGroupId && i.Culture == culture);
    }

    /// <summary>Two images and two documents of the library, for the media fields: the second set differs from the first.</summary>
    private async Task<(Dictionary<MediaKind, int> First, Dictionary<MediaKind, int> Second)> MediaAsync(HttpClient editor)
    {
        var ids = new List<int>();
        foreach (var (file, name) in new[] { (MediaFixtures.Jpeg(), "one.jpg"), (MediaFixtures.Jpeg(640, 480), "two.jpg"), (MediaFixtures.PdfWithAuthor(), "one.pdf"), (MediaFixtures.PdfWithAuthor(), "two.pdf") })
        {
            using var upload = await CoalitionAppFactory.UploadAsync(editor, file, name, altEn: null, decorative: true);
            Assert.True((int)upload.StatusCode is >= 200 and < 400, $"upload answered {(int)upload.StatusCode}");
            ids.Add(await factory.QueryDbAsync(db => db.Media.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync()));
        }

        return (new() { [MediaKind.Image] = ids[0], [MediaKind.Document] = ids[2] }, new() { [MediaKind.Image] = ids[1], [MediaKind.Document] = ids[3] });
    }

    /// <summary>Other values of the same fields: numbers + 1, texts changed, dates a day later, flags flipped (media come from the second set).</summary>
    private static ContentFields Variant(ContentDefinition definition, ContentFields fields)
    {
        foreach (var property in definition.FieldsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (property.GetCustomAttribute<MediaReferenceAttribute>() is not null)
            {
                continue;
            }

            var value = property.GetValue(fields);
            object? changed = value switch
            {
                int i => i + 1,
                string s => s + " 2",
                DateTime t => t.AddDays(1),
                bool b => !b,
                _ => value,
            };
            property.SetValue(fields, changed);
        }

        return fields;
    }

    private static Dictionary<string, string> Form(ContentDefinition definition, ContentFields fields, string title, string action)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal) { ["Title"] = title, ["action"] = action };
        Flatten(fields, "Fields", form);
        return form;
    }

    /// <summary>The form names and values that model binding turns back into <paramref name="value"/>.</summary>
    private static void Flatten(object? value, string prefix, Dictionary<string, string> form)
    {
        switch (value)
        {
            case null:
                form[prefix] = "";
                break;
            case string s:
                form[prefix] = s;
                break;
            case DateTime t:
                form[prefix] = t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
                break;
            case bool b:
                form[prefix] = b ? "true" : "false";
                break;
            case Enum e:
                form[prefix] = e.ToString();
                break;
            case IFormattable f:
                form[prefix] = f.ToString(null, CultureInfo.InvariantCulture);
                break;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    Flatten(item, $"{prefix}[{i++}]", form);
                }

                break;
            default:
                foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
                {
                    Flatten(property.GetValue(value), $"{prefix}.{property.Name}", form);
                }

                break;
        }
    }

    /// <summary>The edit form shows exactly these values in its own-field inputs.</summary>
    private static void AssertFormShows(AngleSharp.Html.Dom.IHtmlDocument page, string action, ContentFields fields, ContentDefinition definition)
    {
        var shown = page.FormFields(action);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(fields, "Fields", expected);
        foreach (var (name, value) in expected.Where(e => e.Key != "Fields"))
        {
            // An empty optional value may be an unchecked box or an empty input: both post nothing.
            var actual = shown.TryGetValue(name, out var v) ? v : "";
            Assert.True(value == actual || (value == "false" && actual == ""), $"{definition.Name}: the form shows {name} = '{actual}', expected '{value}'");
        }
    }

    private static IReadOnlyList<string> Describe(ContentDefinition definition, ContentFields fields) =>
        definition.Describe(fields, Text).Select(f => $"{f.Name}={f.Value}").ToList();

    private sealed class PassThroughLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
