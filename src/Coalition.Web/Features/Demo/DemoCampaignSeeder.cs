using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Coalition.Web.Features.Demo;

/// <summary>
/// The project's four campaigns (26 June and 10 December, 2020 and 2021) in Russian and English, three of them in
/// Tajik too, each with a drawn cover, a small PDF leaflet, a link, two or three demo news as its stories, and messages of
/// support (some approved, some waiting). Run by <see cref="DemoContentSeeder"/> after the news, once.
/// </summary>
public sealed partial class DemoCampaignSeeder(CoalitionDbContext db, MarkdownRenderer renderer, DemoCovers covers, MediaLibrary library, ILogger<DemoCampaignSeeder> logger)
{
    private sealed record DemoCampaign(int Year, CampaignDay Day, DateTime[] StoryDates, IReadOnlyDictionary<string, (string Title, string Theme, string Summary, string Body, string Leaflet)> Texts);

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 5, 0, 0, DateTimeKind.Utc);

    private static readonly DemoCampaign[] Campaigns =
    [
        new(2020, CampaignDay.June26, [Utc(2020, 5, 5), Utc(2020, 6, 26)], new Dictionary<string, (string, string, string, string, string)>
        {
            ["ru"] = ("26 июня 2020: право каждого на свободу от пыток", "Пытки недопустимы — ни при каких обстоятельствах",
                "Первая кампания проекта к Международному дню в поддержку жертв пыток.",
                "Коалиция напоминает: запрет пыток абсолютен. В рамках кампании члены Коалиции провели встречи с журналистами, распространили плакаты и листовки о правах задержанных.\n\n## Что делать, если вас задержали\n\n- требуйте адвоката с момента фактического задержания;\n- сообщите о задержании родственникам;\n- о пытках можно сообщить в Коалицию.",
                "Листовка: права задержанного"),
            ["en"] = ("26 June 2020: everyone's right to be free from torture", "Torture is never acceptable, under any circumstances",
                "The project's first campaign for the International Day in Support of Victims of Torture.",
                "The Coalition recalls that the prohibition of torture is absolute. During the campaign, its members met journalists and handed out posters and leaflets on the rights of detained people.\n\n## If you are detained\n\n- ask for a lawyer from the moment of actual detention;\n- tell your family;\n- you can report torture to the Coalition.",
                "Leaflet: the rights of a detained person"),
            ["tg"] = ("26 июни 2020: ҳуқуқи ҳар кас ба озодӣ аз шиканҷа", "Шиканҷа дар ҳеҷ ҳолат қобили қабул нест",
                "Маъракаи аввали лоиҳа ба Рӯзи байналмилалии дастгирии қурбониёни шиканҷа.",
                "Эътилоф хотиррасон мекунад, ки манъи шиканҷа мутлақ аст. Дар доираи маърака аъзоёни Эътилоф бо рӯзноманигорон мулоқот карданд ва плакатҳо ва варақаҳо дар бораи ҳуқуқи боздоштшудагон паҳн карданд.",
                "Варақа: ҳуқуқи шахси боздоштшуда"),
        }),
        new(2020, CampaignDay.December10, [Utc(2020, 9, 15), Utc(2020, 10, 20), Utc(2020, 12, 10)], new Dictionary<string, (string, string, string, string, string)>
        {
            ["ru"] = ("10 декабря 2020: День прав человека", "Справедливость для пострадавших",
                "Вторая кампания проекта — ко Дню прав человека.",
                "Ко Дню прав человека Коалиция подвела итоги мониторинга судебных заседаний и напомнила о праве пострадавших от пыток на справедливое возмещение.",
                "Плакат: права человека для всех"),
            ["en"] = ("10 December 2020: Human Rights Day", "Justice for victims",
                "The project's second campaign, for Human Rights Day.",
                "For Human Rights Day the Coalition presented what its trial monitoring found and recalled the right of victims of torture to fair redress.",
                "Poster: human rights for everyone"),
        }),
        new(2021, CampaignDay.June26, [Utc(2021, 3, 18), Utc(2021, 4, 22), Utc(2021, 6, 26)], new Dictionary<string, (string, string, string, string, string)>
        {
            ["ru"] = ("26 июня 2021: голос пострадавших", "Пострадавшие от пыток имеют право на реабилитацию",
                "Третья кампания проекта к Международному дню в поддержку жертв пыток.",
                "Кампания 2021 года посвящена праву пострадавших на медицинскую, психологическую и юридическую помощь.",
                "Брошюра: помощь пострадавшим"),
            ["en"] = ("26 June 2021: the voice of victims", "Victims of torture have a right to rehabilitation",
                "The project's third campaign for the International Day in Support of Victims of Torture.",
                "The 2021 campaign is about the right of victims to medical, psychological and legal help.",
                "Brochure: help for victims"),
            ["tg"] = ("26 июни 2021: овози ҷабрдидагон", "Ҷабрдидагони шиканҷа ҳуқуқи тавонбахшӣ доранд",
                "Маъракаи сеюми лоиҳа ба Рӯзи байналмилалии дастгирии қурбониёни шиканҷа.",
                "Маъракаи соли 2021 ба ҳуқуқи ҷабрдидагон ба кӯмаки тиббӣ, равонӣ ва ҳуқуқӣ бахшида шудааст.",
                "Рисола: кӯмак ба ҷабрдидагон"),
        }),
        new(2021, CampaignDay.December10, [Utc(2021, 11, 5), Utc(2021, 12, 10)], new Dictionary<string, (string, string, string, string, string)>
        {
            ["ru"] = ("10 декабря 2021: итоги двух лет", "Вместе против безнаказанности",
                "Заключительная кампания проекта ко Дню прав человека.",
                "Заключительная кампания подвела итоги двух лет работы: четыре кампании, обучение юристов, юридическая помощь пострадавшим.",
                "Отчёт: два года проекта"),
            ["en"] = ("10 December 2021: two years on", "Together against impunity",
                "The project's closing campaign, for Human Rights Day.",
                "The closing campaign looked back at two years of work: four campaigns, training for lawyers, legal aid for victims.",
                "Report: two years of the project"),
            ["tg"] = ("10 декабри 2021: натиҷаҳои ду сол", "Якҷоя бар зидди беҷазоӣ",
                "Маъракаи ниҳоии лоиҳа ба Рӯзи ҳуқуқи инсон.",
                "Маъракаи ниҳоӣ натиҷаҳои ду соли корро ҷамъбаст кард: чор маърака, омӯзиши ҳуқуқшиносон, кӯмаки ҳуқуқӣ ба ҷабрдидагон.",
                "Ҳисобот: ду соли лоиҳа"),
        }),
    ];

    private static readonly (string Culture, string? Name, string? Town, string Text, bool Approved)[] Messages =
    [
        ("ru", "Мадина", "Худжанд", "Спасибо за вашу работу. Пострадавшие должны знать, что они не одни.", true),
        ("en", "Anna", null, "Standing with every survivor. Thank you for speaking up.", true),
        ("tg", null, "Душанбе", "Ташаккур барои дастгирӣ. Шиканҷа набояд такрор шавад.", true),
        ("ru", null, null, "Поддерживаю! Пусть каждый, кто пострадал, получит помощь.", false),
        ("en", "Tom", "Bishkek", "Solidarity from a neighbour country. Keep going.", false),
    ];

    public async Task SeedAsync(DateTime now)
    {
        if (await db.Campaigns.AnyAsync())
        {
            return;
        }

        var definition = ContentTypes.For<Campaign>();
        var count = 0;
        for (var i = 0; i < Campaigns.Length; i++)
        {
            var demo = Campaigns[i];
            var cover = await covers.CreateAsync(10 + i);
            var leaflets = new Dictionary<string, int?>();
            foreach (var (culture, text) in demo.Texts)
            {
                using var pdf = new MemoryStream(Leaflet(i));
                var name = SlugGenerator.FromTitle(text.Leaflet) + ".pdf";
                var upload = await library.UploadAsync(new MediaUpload(pdf, pdf.Length, name, new AltTexts(null, null, null, Decorative: false), null));
                leaflets[culture] = upload.Item?.Id;
            }

            var group = Guid.NewGuid();
            var (start, end) = Window(demo.Year, demo.Day);
            var day = demo.Day == CampaignDay.June26 ? new DateTime(demo.Year, 6, 26, 5, 0, 0, DateTimeKind.Utc) : new DateTime(demo.Year, 12, 10, 5, 0, 0, DateTimeKind.Utc);
            var published = start < day ? start : day;
            foreach (var (culture, text) in demo.Texts)
            {
                var materials = new List<CampaignMaterial>();
                if (leaflets[culture] is { } leaflet)
                {
                    materials.Add(new CampaignMaterial { Label = text.Leaflet, DocumentId = leaflet });
                }

                if (cover is not null)
                {
                    materials.Add(new CampaignMaterial { Label = culture switch { "ru" => "Плакат кампании", "tg" => "Плакати маърака", _ => "Campaign poster" }, ImageId = cover.Id });
                }

                materials.Add(new CampaignMaterial
                {
                    Label = culture switch { "ru" => "Видеообращение (на внешнем сайте)", "tg" => "Видеомурожиат (дар сомонаи берунӣ)", _ => "Video message (on an external site)" },
                    Url = "https://video.example.org/coalition/" + demo.Year + (demo.Day == CampaignDay.June26 ? "-06-26" : "-12-10"),
                });
                var campaign = new Campaign
                {
                    Culture = culture,
                    TranslationGroupId = group,
                    Slug = SlugGenerator.FromTitle(text.Title),
                    Title = text.Title,
                    Summary = text.Summary,
                    BodyMarkdown = text.Body,
                    BodyHtml = renderer.ToSafeHtml(text.Body),
                    Status = PublicationStatus.Published,
                    PublishedUtc = published,
                    CreatedUtc = published < now ? published : now,
                    UpdatedUtc = published < now ? published : now,
                    ContentChangedUtc = published < now ? published : now,
                    Version = 1,
                    Year = demo.Year,
                    Day = demo.Day,
                    WindowStartUtc = start,
                    WindowEndUtc = end,
                    ThemeLine = text.Theme,
                    CoverMediaId = cover?.Id,
                    Materials = materials,
                };
                campaign.MediaRefs = definition.MediaRefs(definition.ReadFields(campaign));
                db.Campaigns.Add(campaign);
                count++;
            }

            // The demo news published on the story dates become this campaign's stories, in every language they have.
            var stories = await db.News.Where(n => demo.StoryDates.Contains(n.PublishedUtc!.Value)).ToListAsync();
            foreach (var story in stories)
            {
                story.CampaignGroupId = group;
            }

            foreach (var (message, n) in Messages.Select((m, n) => (m, n)))
            {
                db.SupportMessages.Add(new SupportMessage
                {
                    CampaignGroupId = group,
                    Culture = message.Culture,
                    FirstName = message.Name,
                    Town = message.Town,
                    Text = message.Text,
                    Status = message.Approved ? SupportMessageStatus.Approved : SupportMessageStatus.Waiting,
                    CreatedUtc = (day.AddDays(n - 2) < now ? day.AddDays(n - 2) : now),
                    DecidedUtc = message.Approved ? day.AddDays(n) : null,
                });
            }
        }

        await db.SaveChangesAsync();
        LogSeeded(logger, count);
    }

    /// <summary>Two weeks before the day to two weeks after it, midnight to midnight in Dushanbe.</summary>
    private static (DateTime Start, DateTime End) Window(int year, CampaignDay day)
    {
        var date = day == CampaignDay.June26 ? new DateTime(year, 6, 26) : new DateTime(year, 12, 10);
        return (DushanbeTime.ToUtc(date.AddDays(-14)), DushanbeTime.ToUtc(date.AddDays(15)));
    }

    /// <summary>A one-page A5 leaflet of coloured shapes (no fonts needed), drawn the same way every time.</summary>
    public static byte[] Leaflet(int index)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(148);
        page.Height = XUnit.FromMillimeter(210);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var colours = new[] { XColor.FromArgb(0x7A, 0x1F, 0x2B), XColor.FromArgb(0x1F, 0x3A, 0x5F), XColor.FromArgb(0x12, 0x5E, 0x5E), XColor.FromArgb(0xE8, 0xB9, 0x3C) };
            gfx.DrawRectangle(new XSolidBrush(colours[index % colours.Length]), 0, 0, page.Width.Point, page.Height.Point);
            for (var r = 0; r < 5; r++)
            {
                gfx.DrawEllipse(new XSolidBrush(XColor.FromArgb(120, colours[(index + r + 1) % colours.Length])),
                    40 + (r * 37 % 200), 60 + (r * 83 % 400), 120 + (r * 10), 120 + (r * 10));
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo campaigns: {Count} campaign pages")]
    private static partial void LogSeeded(ILogger logger, int count);
}
