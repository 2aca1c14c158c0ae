using Coalition.Data.Entities;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Publishing;

namespace Coalition.UnitTests.Features.Campaigns;

public sealed class CampaignDefinitionTests
{
    private static readonly CampaignDefinition Definition = (CampaignDefinition)ContentTypes.For<Campaign>();

    [Theory]
    [InlineData("Leaflet", 1, null, null, null)]
    [InlineData("Video", null, null, "https://video.example.org/1", null)]
    [InlineData("", 1, null, null, "Each material needs a label.")]
    [InlineData("Both", 1, 2, null, "Each material is one document, one image or one link.")]
    [InlineData("None", null, null, null, "Each material is one document, one image or one link.")]
    [InlineData("Plain http", null, null, "http://video.example.org/1", "A material link must start with https://.")]
    [InlineData("Script", null, null, "javascript:alert(1)", "A material link must start with https://.")]
    [InlineData("Relative", null, null, "/media/x.pdf", "A material link must start with https://.")]
    public void MaterialProblem_GivesTheRule(string label, int? document, int? image, string? url, string? expected) =>
        Assert.Equal(expected, CampaignDefinition.MaterialProblem(new MaterialField { Label = label, DocumentId = document, ImageId = image, Url = url }));

    [Fact]
    public void MediaReferences_CoverAndEveryLibraryMaterial_WithTheirKinds()
    {
        var fields = new CampaignFields
        {
            CoverMediaId = 5,
            Materials =
            [
                new MaterialField { Label = "PDF", DocumentId = 7 },
                new MaterialField { Label = "Poster", ImageId = 9 },
                new MaterialField { Label = "Link", Url = "https://example.org" },
            ],
        };

        var references = Definition.MediaReferences(fields).ToList();

        Assert.Equal([("CoverMediaId", 5, MediaKind.Image), ("Materials", 7, MediaKind.Document), ("Materials", 9, MediaKind.Image)], references);
        Assert.Equal("|5|7|9|", Definition.MediaRefs(fields));
    }

    [Fact]
    public void ApplyThenRead_WindowInDushanbeTime_StoredInUtc_MaterialsInOrder_BlankRowsDropped()
    {
        var campaign = new Campaign();
        var fields = new CampaignFields
        {
            Year = 2026,
            Day = CampaignDay.December10,
            WindowStart = new DateTime(2026, 12, 1, 0, 0, 0),
            WindowEnd = new DateTime(2026, 12, 15, 0, 0, 0),
            Materials = [new MaterialField { Label = "B", Url = "https://b.example.org" }, new MaterialField(), new MaterialField { Label = "A", DocumentId = 3 }],
        };

        Definition.ApplyFields(campaign, fields);
        var read = (CampaignFields)Definition.ReadFields(campaign);

        Assert.Equal(new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc), campaign.WindowStartUtc);
        Assert.Equal(fields.WindowStart, read.WindowStart);
        Assert.Equal(["B", "A"], campaign.Materials.Select(m => m.Label));
        Assert.Equal(["B", "A"], read.Materials.Select(m => m.Label));
    }

    [Fact]
    public void Serialize_CarriesTheMaterials_SoRevisionsKeepThem()
    {
        var fields = new CampaignFields { Year = 2021, Materials = [new MaterialField { Label = "Report", DocumentId = 11 }] };

        var back = (CampaignFields)Definition.Deserialize(Definition.Serialize(fields));

        Assert.Equal(("Report", (int?)11), (back.Materials.Single().Label, back.Materials.Single().DocumentId));
    }

    [Fact]
    public void MoveYear_ReplacesTheWholeYearOnly()
    {
        Assert.Equal("26 June 2022, 2022-06-26, not 120201 or 20210", CampaignTools.MoveYear("26 June 2021, 2021-06-26, not 120201 or 20210", 2021));
        Assert.Null(CampaignTools.MoveYear(null, 2021));
    }
}
