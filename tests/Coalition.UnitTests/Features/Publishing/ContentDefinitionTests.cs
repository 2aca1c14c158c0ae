using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Xml.Linq;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;

namespace Coalition.UnitTests.Features.Publishing;

/// <summary>Every registered content definition is complete: unique addresses, its strings in every language, its views on disk.</summary>
public sealed class ContentDefinitionTests
{
    private static readonly string WebRoot = Path.Combine(RepoRoot(), "src", "Coalition.Web");

    public static TheoryData<string> Types() => new(ContentTypes.All.Select(d => d.Name));

    [Fact]
    public void All_FindsNewsAndPages_WithUniqueNamesAndAddresses()
    {
        Assert.Contains(ContentTypes.All, d => d.EntityType == typeof(NewsArticle));
        Assert.Contains(ContentTypes.All, d => d.EntityType == typeof(Page));
        Assert.Equal(ContentTypes.All.Count, ContentTypes.All.Select(d => d.Name).Distinct().Count());
        Assert.Equal(ContentTypes.All.Count, ContentTypes.All.Select(d => d.AdminSegment).Distinct().Count());
        var sections = ContentTypes.All.Select(d => d.SectionPath).Where(s => s.Length > 0).ToList();
        Assert.Equal(sections.Count, sections.Distinct().Count());
        Assert.Single(ContentTypes.All, d => d.SectionPath.Length == 0);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Definition_ItsNamesAndFieldLabels_AreInEveryResourceFile(string type)
    {
        var definition = ContentTypes.ByName(type)!;
        var keys = new List<string> { definition.PluralName, definition.SingularName };
        keys.AddRange(definition.FieldsType.GetProperties().Select(p => p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name));
        foreach (var language in new[] { "ru", "tg", "en" })
        {
            var names = XDocument.Load(Path.Combine(WebRoot, "Resources", $"SharedResource.{language}.resx")).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            var missing = keys.Where(k => !names.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{type}: SharedResource.{language}.resx lacks {string.Join(", ", missing)}");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Definition_ItsViewsExist_AndAFieldsPartialWhenItHasFields(string type)
    {
        var definition = ContentTypes.ByName(type)!;
        Assert.True(File.Exists(ViewPath(definition.PublicView)), $"{type}: {definition.PublicView} is missing");
        if (definition.FieldsType.GetProperties().Length > 0)
        {
            Assert.True(definition.FieldsPartial is not null && File.Exists(ViewPath(definition.FieldsPartial)), $"{type} has fields but no partial view to edit them");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ExampleFields_SurviveTheRevisionJson_AndTheLiveColumns(string type)
    {
        var definition = ContentTypes.ByName(type)!;
        var example = definition.ExampleFields(new Dictionary<MediaKind, int> { [MediaKind.Image] = 7, [MediaKind.Document] = 9 });
        var json = definition.Serialize(example);

        Assert.Equal(json, definition.Serialize(definition.Deserialize(json)));
        var item = definition.NewEntity();
        definition.ApplyFields(item, example);
        Assert.Equal(json, definition.Serialize(definition.ReadFields(item)));
    }

    [Fact]
    public void MediaRefs_ListsTheIdsOnce_InOrder_AndTheTokenFindsEach()
    {
        var refs = ContentDefinition.MediaRefsOf([40, 12, 40]);
        Assert.Equal("|12|40|", refs);
        Assert.Contains(ContentDefinition.MediaRefToken(12), refs!, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentDefinition.MediaRefToken(1), refs!, StringComparison.Ordinal);
        Assert.Null(ContentDefinition.MediaRefsOf([]));
    }

    [Fact]
    public void News_CoverIsAMediaReference_ThatTheRevisionRecords()
    {
        var news = ContentTypes.For<NewsArticle>();
        var fields = news.ExampleFields(new Dictionary<MediaKind, int> { [MediaKind.Image] = 5, [MediaKind.Document] = 6 });
        Assert.Equal("|5|", news.MediaRefs(fields));
        Assert.Contains("\"CoverMediaId\":5", news.Serialize(fields), StringComparison.Ordinal);
    }

    private static string ViewPath(string view) => Path.Combine(WebRoot, view.TrimStart('~', '/').Replace('/', Path.DirectorySeparatorChar));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coalition.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Coalition.sln not found above the test binaries.");
    }
}
