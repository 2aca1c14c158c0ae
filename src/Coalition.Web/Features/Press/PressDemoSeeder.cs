using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Demo;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Press;

/// <summary>
/// Demo press room, from the project's public facts: the launch release of 5 May 2020 in three languages, a campaign
/// release and a training announcement with PDF and DOCX attachments made in code, one release under embargo with
/// an access link, placeholder media contacts (example.org, +992 00 000 00 0x) and a small press kit.
/// Runs only when <c>Seed:Demo</c> is true and there are no press releases yet.
/// </summary>
public sealed partial class PressDemoSeeder(
    CoalitionDbContext db,
    MarkdownRenderer renderer,
    MediaLibrary library,
    DemoCovers covers,
    PressAccessLinks links,
    TimeProvider clock,
    ILogger<PressDemoSeeder> logger)
{
    private static readonly PressReleaseDefinition Definition = ContentTypes.For<PressRelease>() as PressReleaseDefinition ?? new PressReleaseDefinition();

    /// <summary>The English title of the demo release under embargo (the browser tests open it).</summary>
    public const string EmbargoedTitleEn = "Coalition presents its annual monitoring report (demo, under embargo)";

    private static DateTime At(int y, int m, int d) => new(y, m, d, 5, 0, 0, DateTimeKind.Utc); // 10:00 in Dushanbe

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Set<PressRelease>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var press = new MediaContact
        {
            Name = "Media desk (demo)", RoleRu = "Пресс-служба Коалиции", RoleTg = "Хадамоти матбуоти Эътилоф", RoleEn = "Coalition press office",
            Languages = "ru,tg,en", Email = "press@example.org", Phone = "+992 00 000 00 00",
            NoteRu = "Signal на этом номере", NoteTg = "Signal дар ҳамин рақам", NoteEn = "Signal on this number", SortOrder = 1,
        };
        var legal = new MediaContact
        {
            Name = "Legal spokesperson (demo)", RoleRu = "Юрист, комментарии по делам", RoleTg = "Ҳуқуқшинос, шарҳ оид ба парвандаҳо", RoleEn = "Lawyer, comments on cases",
            Languages = "ru,tg", Email = "legal-press@example.org", Phone = "+992 00 000 00 01", SortOrder = 2,
        };
        db.Set<MediaContact>().AddRange(press, legal);
        await db.SaveChangesAsync(ct);

        var photo = await covers.CreateAsync(0, ct);
        var factSheet = await UploadAsync(PressDemoDocuments.Pdf("Coalition against Torture and Impunity in Tajikistan: fact sheet",
        [
            "Project: Support for anti-torture agenda and human rights groups in Tajikistan.",
            "Implemented by the Civil Society Coalition against Torture and Impunity in Tajikistan",
            "and the Helsinki Foundation for Human Rights (Poland).",
            "Funded by the European Union under the European Instrument for Democracy and Human Rights (EIDHR).",
            "Implementing partners: Independent Center for Human Rights Protection, Right and Prosperity,",
            "Office of Civil Freedoms.",
            "Media contact: press@example.org, +992 00 000 00 00 (demo placeholders).",
        ]), "Fact sheet (EN).pdf", ct);
        var launchRu = await UploadAsync(PressDemoDocuments.Docx("Пресс-релиз: старт проекта, 5 мая 2020 г.", [.. Launch["ru"].Body.Split("\n\n")]), "Пресс-релиз 5 мая 2020.docx", ct);
        var launchTg = await UploadAsync(PressDemoDocuments.Docx("Изҳороти матбуотӣ: оғози лоиҳа, 5 майи 2020", [.. Launch["tg"].Body.Split("\n\n")]), "Изҳороти матбуотӣ 5 май 2020.docx", ct);
        var campaignPdf = await UploadAsync(PressDemoDocuments.Pdf("26 June 2020: International Day in Support of Victims of Torture",
            ["The Coalition's campaign calls for an independent mechanism to investigate torture complaints.", "Contact: press@example.org (demo placeholder)."]), "Campaign 26 June 2020 (EN).pdf", ct);
        var campaignDocx = await UploadAsync(PressDemoDocuments.Docx("26 июня 2020 года: кампания Коалиции", [.. Campaign["ru"].Body.Split("\n\n")]), "Кампания 26 июня 2020.docx", ct);
        var trainingPdf = await UploadAsync(PressDemoDocuments.Pdf("Training for young lawyers and activists: programme",
            ["Day 1: international standards against torture.", "Day 2: documenting complaints.", "Day 3: legal aid in practice."]), "Training programme (EN).pdf", ct);
        var trainingDocx = await UploadAsync(PressDemoDocuments.Docx("Программа тренинга для молодых юристов", [.. Training["ru"].Body.Split("\n\n")]), "Программа тренинга.docx", ct);

        var photos = photo is null ? new List<PressPhotoField>() :
            [new PressPhotoField { MediaId = photo.Id, Credit = "Illustration: Coalition (demo)", UsageNote = "Free for editorial use with credit" }];
        var contacts = new List<int> { press.Id, legal.Id };

        Add(At(2020, 5, 5), Launch, contacts, photos, now,
            Docs((factSheet, "en"), (launchRu, "ru"), (launchTg, "tg")));
        Add(At(2020, 6, 26), Campaign, contacts, [], now, Docs((campaignPdf, "en"), (campaignDocx, "ru")));
        Add(At(2020, 9, 10), Training, [press.Id], [], now, Docs((trainingPdf, "en"), (trainingDocx, "ru")));
        var embargoed = Add(now.AddDays(2), Embargoed, [press.Id], [], now, Docs((factSheet, "en")));
        await db.SaveChangesAsync(ct);

        foreach (var file in new[] { factSheet, photo }.OfType<MediaItem>())
        {
            db.Set<PressKitItem>().Add(new PressKitItem { MediaId = file.Id, SortOrder = db.ChangeTracker.Entries<PressKitItem>().Count() + 1, Credit = file.Kind == MediaKind.Image ? "Illustration: Coalition (demo)" : null });
        }

        await db.SaveChangesAsync(ct);
        await links.CreateAsync(embargoed.Id, "Demo: RFE/RL Dushanbe desk", 7, ct);
        LogSeeded(logger);
    }

    private PressRelease Add(DateTime publishedUtc, IReadOnlyDictionary<string, (string Title, string Summary, string Place, string Body)> texts,
        List<int> contacts, List<PressPhotoField> photos, DateTime now, List<PressDocumentField> documents)
    {
        var group = Guid.NewGuid();
        PressRelease? first = null;
        foreach (var (culture, text) in texts)
        {
            var fields = new PressReleaseFields { PlaceLine = text.Place, Documents = documents, Photos = photos, ContactIds = contacts };
            var created = publishedUtc < now ? publishedUtc : now;
            var release = new PressRelease
            {
                Culture = culture,
                TranslationGroupId = group,
                Slug = SlugGenerator.FromTitle(text.Title),
                Title = text.Title,
                Summary = text.Summary,
                BodyMarkdown = text.Body,
                BodyHtml = renderer.ToSafeHtml(text.Body),
                Status = PublicationStatus.Published,
                PublishedUtc = publishedUtc,
                CreatedUtc = created,
                UpdatedUtc = created,
                ContentChangedUtc = created,
                Version = 1,
                // Past releases count as alerted: subscribers hear only of what is new.
                AlertsQueuedUtc = publishedUtc <= now ? now : null,
            };
            Definition.ApplyFields(release, fields);
            release.MediaRefs = Definition.MediaRefs(fields);
            db.Set<PressRelease>().Add(release);
            first ??= release;
        }

        return first!;
    }

    private static List<PressDocumentField> Docs(params (MediaItem? File, string Language)[] files) =>
        files.Where(f => f.File is not null).Select(f => new PressDocumentField { MediaId = f.File!.Id, Language = f.Language }).ToList();

    private async Task<MediaItem?> UploadAsync(byte[] bytes, string name, CancellationToken ct)
    {
        using var stream = new MemoryStream(bytes);
        return (await library.UploadAsync(new MediaUpload(stream, stream.Length, name, new AltTexts(null, null, null, false), null), ct)).Item;
    }

    private static readonly Dictionary<string, (string Title, string Summary, string Place, string Body)> Launch = new()
    {
        ["ru"] = (
            "Коалиция и Хельсинкский фонд начинают проект в поддержку антипыточной повестки",
            "Двухлетний проект финансируется Европейским союзом в рамках EIDHR: кампании, обучение юристов и помощь пострадавшим от пыток.",
            "Душанбе",
            "Коалиция гражданского общества против пыток и безнаказанности в Таджикистане и Хельсинкский фонд по правам человека (Польша) объявляют о начале проекта «Поддержка антипыточной повестки и правозащитных групп в Таджикистане».\n\n"
            + "Проект финансируется Европейским союзом в рамках Европейского инструмента за демократию и права человека (EIDHR). Партнёры по реализации — Независимый центр по защите прав человека, общественная организация «Право и процветание» и Бюро гражданских свобод.\n\n"
            + "За два года проект проведёт четыре информационные кампании — к 26 июня, Международному дню в поддержку жертв пыток, и к 10 декабря, Дню прав человека, — обучит молодых юристов и активистов и обеспечит юридическую помощь пострадавшим от пыток и их семьям.\n\n"
            + "Контакты для СМИ указаны ниже. Документы и иллюстрации можно свободно использовать со ссылкой на Коалицию."),
        ["tg"] = (
            "Эътилоф ва Бунёди Ҳелсинкӣ лоиҳаро дар дастгирии рӯзномаи зидди шиканҷа оғоз мекунанд",
            "Лоиҳаи дусола аз ҷониби Иттиҳоди Аврупо дар доираи EIDHR маблағгузорӣ мешавад: маъракаҳо, омӯзиши ҳуқуқшиносон ва кӯмак ба қурбониёни шиканҷа.",
            "Душанбе",
            "Эътилофи ҷомеаи шаҳрвандӣ бар зидди шиканҷа ва беҷазоӣ дар Тоҷикистон ва Бунёди Ҳелсинкии ҳуқуқи инсон (Лаҳистон) оғози лоиҳаи «Дастгирии рӯзномаи зидди шиканҷа ва гурӯҳҳои ҳуқуқи инсон дар Тоҷикистон»-ро эълон мекунанд.\n\n"
            + "Лоиҳа аз ҷониби Иттиҳоди Аврупо дар доираи Абзори аврупоӣ барои демократия ва ҳуқуқи инсон (EIDHR) маблағгузорӣ мешавад. Шарикони татбиқкунанда — Маркази мустақили ҳимояи ҳуқуқи инсон, «Ҳуқуқ ва Рушд» ва Бюрои озодиҳои шаҳрвандӣ.\n\n"
            + "Дар ду сол лоиҳа чор маъракаи иттилоотӣ — ба 26 июн ва 10 декабр — мегузаронад, ҳуқуқшиносон ва фаъолони ҷавонро меомӯзонад ва ба қурбониёни шиканҷа ва оилаҳои онҳо кӯмаки ҳуқуқӣ мерасонад.\n\n"
            + "Тамосҳо барои ВАО дар поён оварда шудаанд."),
        ["en"] = (
            "Coalition and Helsinki Foundation launch project in support of the anti-torture agenda",
            "The two-year project is funded by the European Union under the EIDHR: campaigns, training for lawyers and legal aid for victims of torture.",
            "Dushanbe",
            "The Civil Society Coalition against Torture and Impunity in Tajikistan and the Helsinki Foundation for Human Rights (Poland) announce the start of the project \"Support for anti-torture agenda and human rights groups in Tajikistan\".\n\n"
            + "The project is funded by the European Union under the European Instrument for Democracy and Human Rights (EIDHR). The implementing partners are the Independent Center for Human Rights Protection, Right and Prosperity, and the Office of Civil Freedoms.\n\n"
            + "Over two years the project will run four media campaigns, around 26 June, the International Day in Support of Victims of Torture, and 10 December, Human Rights Day; train young lawyers and activists; and provide legal aid to victims of torture and their families.\n\n"
            + "Media contacts are listed below. The documents and illustrations may be used freely with credit to the Coalition."),
    };

    private static readonly Dictionary<string, (string Title, string Summary, string Place, string Body)> Campaign = new()
    {
        ["ru"] = (
            "26 июня: Коалиция призывает создать независимый механизм расследования пыток",
            "К Международному дню в поддержку жертв пыток Коалиция начинает информационную кампанию.",
            "Душанбе",
            "К 26 июня, Международному дню в поддержку жертв пыток, Коалиция против пыток и безнаказанности начинает информационную кампанию.\n\n"
            + "Коалиция призывает создать независимый механизм расследования жалоб на пытки и обеспечить пострадавшим доступ к юридической помощи."),
        ["en"] = (
            "26 June: Coalition calls for an independent mechanism to investigate torture",
            "For the International Day in Support of Victims of Torture, the Coalition starts a media campaign.",
            "Dushanbe",
            "For 26 June, the International Day in Support of Victims of Torture, the Coalition against Torture and Impunity starts a media campaign.\n\n"
            + "The Coalition calls for an independent mechanism to investigate complaints of torture and for victims' access to legal aid."),
    };

    private static readonly Dictionary<string, (string Title, string Summary, string Place, string Body)> Training = new()
    {
        ["ru"] = (
            "Открыт набор на тренинг для молодых юристов и активистов",
            "Трёхдневный тренинг о международных стандартах запрета пыток и документировании жалоб.",
            "Душанбе",
            "Коалиция приглашает молодых юристов и активистов на трёхдневный тренинг о международных стандартах запрета пыток, документировании жалоб и юридической помощи.\n\n"
            + "Программа тренинга приложена к этому пресс-релизу."),
        ["tg"] = (
            "Қабул ба омӯзиш барои ҳуқуқшиносон ва фаъолони ҷавон оғоз шуд",
            "Омӯзиши серӯза оид ба стандартҳои байналмилалии манъи шиканҷа ва ҳуҷҷатгузории шикоятҳо.",
            "Душанбе",
            "Эътилоф ҳуқуқшиносон ва фаъолони ҷавонро ба омӯзиши серӯза оид ба стандартҳои байналмилалии манъи шиканҷа, ҳуҷҷатгузории шикоятҳо ва кӯмаки ҳуқуқӣ даъват мекунад."),
        ["en"] = (
            "Applications open for training of young lawyers and activists",
            "A three-day training on international standards against torture and documenting complaints.",
            "Dushanbe",
            "The Coalition invites young lawyers and activists to a three-day training on international standards against torture, documenting complaints and legal aid.\n\n"
            + "The training programme is attached to this press release."),
    };

    private static readonly Dictionary<string, (string Title, string Summary, string Place, string Body)> Embargoed = new()
    {
        ["en"] = (
            EmbargoedTitleEn,
            "The report summarises the complaints of torture the Coalition's lawyers documented this year.",
            "Dushanbe",
            "This demo release is under embargo: the public sees it only when its scheduled time comes. Journalists with an access link can read it before.\n\n"
            + "The report summarises the complaints of torture documented by the Coalition's lawyers and its recommendations to the authorities."),
        ["ru"] = (
            "Коалиция представляет ежегодный доклад о мониторинге (демо, под эмбарго)",
            "Доклад обобщает жалобы на пытки, задокументированные юристами Коалиции за год.",
            "Душанбе",
            "Этот демонстрационный пресс-релиз под эмбарго: публика увидит его только в назначенное время. Журналисты со ссылкой доступа могут прочитать его раньше."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo press room")]
    private static partial void LogSeeded(ILogger logger);
}
