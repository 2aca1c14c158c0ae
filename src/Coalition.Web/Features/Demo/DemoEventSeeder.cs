using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Events;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Demo;

/// <summary>
/// Six demo events from the project's activities, past and upcoming, in Dushanbe, Khujand, Bokhtar and online; one
/// upcoming with a few places left and one full with a waiting list, registered by fictional example.org people.
/// Runs with the demo content, only when there are no events yet.
/// </summary>
public sealed class DemoEventSeeder(CoalitionDbContext db, MarkdownRenderer renderer, TimeProvider clock)
{
    private sealed record DemoEvent(int DaysFromNow, int Hours, EventCity City, string? Venue, int Capacity, int Confirmed, int Waiting, string Trainers, (string Culture, string Title, string Summary, string Body)[] Texts);

    private static readonly DemoEvent[] Events =
    [
        new(-60, 7, EventCity.Dushanbe, "Hotel conference room, Rudaki Avenue (example address)", 25, 21, 0, "Example Trainer A | monitor of places of detention\nExample Trainer B | lawyer",
        [
            ("ru", "Семинар: мониторинг мест лишения свободы", "Как готовить и проводить посещения мест содержания под стражей.", "- Международные стандарты\n- Подготовка посещения\n- Отчёт и рекомендации"),
            ("tg", "Семинар: мониторинги ҷойҳои маҳрумият аз озодӣ", "Чӣ тавр омода кардан ва гузаронидани боздид аз ҷойҳои нигоҳдорӣ.", "- Стандартҳои байналмилалӣ\n- Омодагӣ ба боздид\n- Ҳисобот ва тавсияҳо"),
            ("en", "Seminar: monitoring places of detention", "How to prepare and carry out visits to places of detention.", "- International standards\n- Preparing a visit\n- Report and recommendations"),
        ]),
        new(-20, 6, EventCity.Online, "The link is sent by e-mail the day before.", 40, 33, 0, "Example Trainer C | human-rights lawyer",
        [
            ("ru", "Вебинар: договорные органы ООН", "Как готовить альтернативные доклады в Комитет против пыток.", "- Процедура рассмотрения\n- Альтернативный доклад\n- Последующие действия"),
            ("tg", "Вебинар: мақомоти шартномавии СММ", "Чӣ тавр омода кардани гузоришҳои алтернативӣ ба Кумита зидди шиканҷа.", "- Тартиби баррасӣ\n- Гузориши алтернативӣ\n- Амалҳои минбаъда"),
            ("en", "Webinar: UN treaty bodies", "How to prepare alternative reports to the Committee against Torture.", "- The review procedure\n- The alternative report\n- Follow-up"),
        ]),
        new(12, 7, EventCity.Khujand, "Regional NGO resource centre, second floor (example address)", 25, 22, 0, "Example Trainer A | monitor of places of detention\nExample Trainer D | doctor, Istanbul Protocol",
        [
            ("ru", "Семинар по мониторингу мест содержания в Худжанде", "Для молодых юристов и активистов Согдийской области.", "- Права задержанных\n- Документирование по Стамбульскому протоколу\n- Практикум"),
            ("tg", "Семинар оид ба мониторинги ҷойҳои нигоҳдорӣ дар Хуҷанд", "Барои ҳуқуқшиносон ва фаъолони ҷавони вилояти Суғд.", "- Ҳуқуқҳои боздоштшудагон\n- Ҳуҷҷатгузорӣ тибқи Протоколи Истанбул\n- Машғулияти амалӣ"),
            ("en", "Seminar on monitoring places of detention in Khujand", "For young lawyers and activists of the Sughd region.", "- Rights of detained people\n- Documenting with the Istanbul Protocol\n- Practical session"),
        ]),
        new(20, 6, EventCity.Dushanbe, "Press centre, meeting room 1 (example address)", 12, 12, 4, "Example Trainer E | journalist\nExample Trainer F | media lawyer",
        [
            ("ru", "Тренинг: работа со СМИ", "Как говорить с журналистами о пытках, защищая пострадавших.", "- Пресс-релиз и интервью\n- Безопасность и согласие пострадавших\n- Социальные сети"),
            ("tg", "Тренинг: кор бо ВАО", "Чӣ тавр бо рӯзноманигорон дар бораи шиканҷа сӯҳбат кардан ва ҷабрдидагонро ҳифз намудан.", "- Изҳороти матбуотӣ ва мусоҳиба\n- Амният ва розигии ҷабрдидагон\n- Шабакаҳои иҷтимоӣ"),
            ("en", "Training: working with the media", "How to talk to journalists about torture while protecting survivors.", "- Press release and interview\n- Survivors' safety and consent\n- Social media"),
        ]),
        new(35, 7, EventCity.Bokhtar, "Youth centre hall (example address)", 30, 4, 0, "Example Trainer B | lawyer",
        [
            ("ru", "Семинар в Бохтаре: механизмы защиты", "Национальные и международные механизмы защиты от пыток.", "- Жалобы в прокуратуру\n- Омбудсмен\n- Индивидуальные сообщения в ООН"),
            ("tg", "Семинар дар Бохтар: механизмҳои ҳифз", "Механизмҳои миллӣ ва байналмилалии ҳифз аз шиканҷа.", "- Шикоят ба прокуратура\n- Ваколатдор оид ба ҳуқуқи инсон\n- Муроҷиатҳои инфиродӣ ба СММ"),
            ("en", "Seminar in Bokhtar: protection mechanisms", "Domestic and international mechanisms of protection against torture.", "- Complaints to the prosecutor\n- The Ombudsman\n- Individual communications to the UN"),
        ]),
        new(50, 4, EventCity.Online, "The link is sent by e-mail the day before.", 60, 0, 0, "Example Trainer C | human-rights lawyer",
        [
            ("ru", "Мастерская: договорные органы ООН и последующие действия", "Как следить за выполнением рекомендаций.", "- Заключительные замечания\n- План последующих действий"),
            ("tg", "Устохона: мақомоти шартномавии СММ ва амалҳои минбаъда", "Чӣ тавр иҷрои тавсияҳоро пайгирӣ кардан.", "- Мулоҳизаҳои хотимавӣ\n- Нақшаи амалҳои минбаъда"),
            ("en", "Workshop: UN treaty bodies and follow-up", "How to follow the implementation of recommendations.", "- Concluding observations\n- A follow-up plan"),
        ]),
    ];

    public async Task SeedAsync()
    {
        if (await db.Events.AnyAsync())
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date.AddHours(4); // 09:00 in Dushanbe
        var person = 0;
        foreach (var demo in Events)
        {
            var group = Guid.NewGuid();
            var start = today.AddDays(demo.DaysFromNow);
            foreach (var (culture, title, summary, body) in demo.Texts)
            {
                var created = start < now ? start.AddDays(-30) : now;
                db.Events.Add(new Event
                {
                    Culture = culture,
                    TranslationGroupId = group,
                    Slug = SlugGenerator.FromTitle(title),
                    Title = title,
                    Summary = summary,
                    BodyMarkdown = body,
                    BodyHtml = renderer.ToSafeHtml(body),
                    Status = PublicationStatus.Published,
                    PublishedUtc = created,
                    CreatedUtc = created,
                    UpdatedUtc = created,
                    ContentChangedUtc = created,
                    Version = 1,
                    StartUtc = start,
                    EndUtc = start.AddHours(demo.Hours),
                    City = demo.City,
                    Venue = demo.Venue is null ? null : InLanguage(demo.Venue, culture),
                    Audience = culture switch { "ru" => "Молодые юристы и активисты", "tg" => "Ҳуқуқшиносон ва фаъолони ҷавон", _ => "Young lawyers and activists" },
                    EventLanguage = culture switch { "ru" => "Русский и таджикский", "tg" => "Тоҷикӣ ва русӣ", _ => "Russian and Tajik" },
                    Capacity = demo.Capacity,
                    Trainers = InLanguage(demo.Trainers, culture),
                });
            }

            var count = demo.Confirmed + demo.Waiting;
            db.EventRegistrationLists.Add(new EventRegistrationList { EventGroupId = group, LastSequence = count });
            for (var i = 1; i <= count; i++)
            {
                person++;
                var email = $"participant{person.ToString(CultureInfo.InvariantCulture)}@example.org";
                db.EventRegistrations.Add(new EventRegistration
                {
                    EventGroupId = group,
                    Sequence = i,
                    Status = i <= demo.Confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting,
                    Culture = SiteCulturesFor(person),
                    Name = $"Example Participant {person.ToString(CultureInfo.InvariantCulture)}",
                    Email = email,
                    EmailKey = EventRegistrations.EmailKey(email),
                    Organisation = "Example NGO",
                    CreatedUtc = start < now ? start.AddDays(-10) : now.AddDays(-1),
                    StatusChangedUtc = start < now ? start.AddDays(-10) : now.AddDays(-1),
                    Attended = start < now && i % 5 != 0,
                });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The Russian and Tajik of the demo venues and trainers, so that each page reads in one language (the page has its own "Programme" heading).</summary>
    private static readonly Dictionary<string, (string Ru, string Tg)> Phrases = new(StringComparer.Ordinal)
    {
        ["Hotel conference room, Rudaki Avenue (example address)"] = ("Конференц-зал гостиницы, проспект Рудаки (пример адреса)", "Толори конфронсҳои меҳмонхона, хиёбони Рӯдакӣ (суроғаи намунавӣ)"),
        ["The link is sent by e-mail the day before."] = ("Ссылку пришлём по электронной почте накануне.", "Пайвандро як рӯз пеш тавассути почтаи электронӣ мефиристем."),
        ["Regional NGO resource centre, second floor (example address)"] = ("Региональный ресурсный центр НПО, второй этаж (пример адреса)", "Маркази захиравии минтақавии ТҶД, ошёнаи дуюм (суроғаи намунавӣ)"),
        ["Press centre, meeting room 1 (example address)"] = ("Пресс-центр, переговорная 1 (пример адреса)", "Маркази матбуот, толори вохӯрии 1 (суроғаи намунавӣ)"),
        ["Youth centre hall (example address)"] = ("Зал молодёжного центра (пример адреса)", "Толори маркази ҷавонон (суроғаи намунавӣ)"),
        ["Example Trainer"] = ("Тренер-пример", "Тренери намунавӣ"),
        ["monitor of places of detention"] = ("наблюдатель за местами лишения свободы", "нозири ҷойҳои маҳрумият аз озодӣ"),
        ["human-rights lawyer"] = ("юрист-правозащитник", "ҳуқуқшиноси ҳимоятгари ҳуқуқи инсон"),
        ["doctor, Istanbul Protocol"] = ("врач, Стамбульский протокол", "табиб, Протоколи Истанбул"),
        ["media lawyer"] = ("юрист по СМИ", "ҳуқуқшиноси соҳаи ВАО"),
        ["lawyer"] = ("юрист", "ҳуқуқшинос"),
        ["journalist"] = ("журналист", "рӯзноманигор"),
    };

    private static string InLanguage(string english, string culture)
    {
        if (culture is not ("ru" or "tg"))
        {
            return english;
        }

        if (Phrases.TryGetValue(english, out var whole))
        {
            return culture == "ru" ? whole.Ru : whole.Tg;
        }

        // Trainer lines, "Name | role": the name's prefix and the role, each looked up whole.
        return string.Join('\n', english.Split('\n').Select(line =>
        {
            var (name, role) = line.Split(" | ", 2) is [var n, var r] ? (n, r) : (line, null);
            var prefix = Phrases["Example Trainer"];
            name = name.Replace("Example Trainer", culture == "ru" ? prefix.Ru : prefix.Tg, StringComparison.Ordinal);
            return role is null ? name : $"{name} | {(Phrases.TryGetValue(role, out var p) ? (culture == "ru" ? p.Ru : p.Tg) : role)}";
        }));
    }

    private static string SiteCulturesFor(int person) => (person % 3) switch { 0 => "ru", 1 => "tg", _ => "en" };
}
