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
            ("ru", "Семинар: мониторинг мест лишения свободы", "Как готовить и проводить посещения мест содержания под стражей.", "## Программа\n\n- Международные стандарты\n- Подготовка посещения\n- Отчёт и рекомендации"),
            ("tg", "Семинар: мониторинги ҷойҳои маҳрумият аз озодӣ", "Чӣ тавр омода кардан ва гузаронидани боздид аз ҷойҳои нигоҳдорӣ.", "## Барнома\n\n- Стандартҳои байналмилалӣ\n- Омодагӣ ба боздид\n- Ҳисобот ва тавсияҳо"),
            ("en", "Seminar: monitoring places of detention", "How to prepare and carry out visits to places of detention.", "## Programme\n\n- International standards\n- Preparing a visit\n- Report and recommendations"),
        ]),
        new(-20, 6, EventCity.Online, "The link is sent by e-mail the day before.", 40, 33, 0, "Example Trainer C | human-rights lawyer",
        [
            ("ru", "Вебинар: договорные органы ООН", "Как готовить альтернативные доклады в Комитет против пыток.", "## Программа\n\n- Процедура рассмотрения\n- Альтернативный доклад\n- Последующие действия"),
            ("tg", "Вебинар: мақомоти шартномавии СММ", "Чӣ тавр омода кардани гузоришҳои алтернативӣ ба Кумита зидди шиканҷа.", "## Барнома\n\n- Тартиби баррасӣ\n- Гузориши алтернативӣ\n- Амалҳои минбаъда"),
            ("en", "Webinar: UN treaty bodies", "How to prepare alternative reports to the Committee against Torture.", "## Programme\n\n- The review procedure\n- The alternative report\n- Follow-up"),
        ]),
        new(12, 7, EventCity.Khujand, "Regional NGO resource centre, second floor (example address)", 25, 22, 0, "Example Trainer A | monitor of places of detention\nExample Trainer D | doctor, Istanbul Protocol",
        [
            ("ru", "Семинар по мониторингу мест содержания в Худжанде", "Для молодых юристов и активистов Согдийской области.", "## Программа\n\n- Права задержанных\n- Документирование по Стамбульскому протоколу\n- Практикум"),
            ("tg", "Семинар оид ба мониторинги ҷойҳои нигоҳдорӣ дар Хуҷанд", "Барои ҳуқуқшиносон ва фаъолони ҷавони вилояти Суғд.", "## Барнома\n\n- Ҳуқуқҳои боздоштшудагон\n- Ҳуҷҷатгузорӣ тибқи Протоколи Истанбул\n- Машғулияти амалӣ"),
            ("en", "Seminar on monitoring places of detention in Khujand", "For young lawyers and activists of the Sughd region.", "## Programme\n\n- Rights of detained people\n- Documenting with the Istanbul Protocol\n- Practical session"),
        ]),
        new(20, 6, EventCity.Dushanbe, "Press centre, meeting room 1 (example address)", 12, 12, 4, "Example Trainer E | journalist\nExample Trainer F | media lawyer",
        [
            ("ru", "Тренинг: работа со СМИ", "Как говорить с журналистами о пытках, защищая пострадавших.", "## Программа\n\n- Пресс-релиз и интервью\n- Безопасность и согласие пострадавших\n- Социальные сети"),
            ("tg", "Тренинг: кор бо ВАО", "Чӣ тавр бо рӯзноманигорон дар бораи шиканҷа сӯҳбат кардан ва ҷабрдидагонро ҳифз намудан.", "## Барнома\n\n- Изҳороти матбуотӣ ва мусоҳиба\n- Амният ва розигии ҷабрдидагон\n- Шабакаҳои иҷтимоӣ"),
            ("en", "Training: working with the media", "How to talk to journalists about torture while protecting survivors.", "## Programme\n\n- Press release and interview\n- Survivors' safety and consent\n- Social media"),
        ]),
        new(35, 7, EventCity.Bokhtar, "Youth centre hall (example address)", 30, 4, 0, "Example Trainer B | lawyer",
        [
            ("ru", "Семинар в Бохтаре: механизмы защиты", "Национальные и международные механизмы защиты от пыток.", "## Программа\n\n- Жалобы в прокуратуру\n- Омбудсмен\n- Индивидуальные сообщения в ООН"),
            ("tg", "Семинар дар Бохтар: механизмҳои ҳифз", "Механизмҳои миллӣ ва байналмилалии ҳифз аз шиканҷа.", "## Барнома\n\n- Шикоят ба прокуратура\n- Ваколатдор оид ба ҳуқуқи инсон\n- Муроҷиатҳои инфиродӣ ба СММ"),
            ("en", "Seminar in Bokhtar: protection mechanisms", "Domestic and international mechanisms of protection against torture.", "## Programme\n\n- Complaints to the prosecutor\n- The Ombudsman\n- Individual communications to the UN"),
        ]),
        new(50, 4, EventCity.Online, "The link is sent by e-mail the day before.", 60, 0, 0, "Example Trainer C | human-rights lawyer",
        [
            ("ru", "Мастерская: договорные органы ООН и последующие действия", "Как следить за выполнением рекомендаций.", "## Программа\n\n- Заключительные замечания\n- План последующих действий"),
            ("tg", "Устохона: мақомоти шартномавии СММ ва амалҳои минбаъда", "Чӣ тавр иҷрои тавсияҳоро пайгирӣ кардан.", "## Барнома\n\n- Мулоҳизаҳои хотимавӣ\n- Нақшаи амалҳои минбаъда"),
            ("en", "Workshop: UN treaty bodies and follow-up", "How to follow the implementation of recommendations.", "## Programme\n\n- Concluding observations\n- A follow-up plan"),
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
                    Venue = demo.Venue,
                    Audience = culture switch { "ru" => "Молодые юристы и активисты", "tg" => "Ҳуқуқшиносон ва фаъолони ҷавон", _ => "Young lawyers and activists" },
                    EventLanguage = culture switch { "ru" => "Русский и таджикский", "tg" => "Тоҷикӣ ва русӣ", _ => "Russian and Tajik" },
                    Capacity = demo.Capacity,
                    Trainers = demo.Trainers,
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

    private static string SiteCulturesFor(int person) => (person % 3) switch { 0 => "ru", 1 => "tg", _ => "en" };
}
