namespace Coalition.Web.Features.Demo;

public sealed record DemoText(string Title, string Summary, string Body);

public sealed record DemoStory(DateTime PublishedUtc, IReadOnlyDictionary<string, DemoText> Texts);


/// <summary>
/// Demo texts written from the project's public facts. Contact data are placeholders (example.org);
/// no real person is named. Some stories exist in all three languages, some in two, one only in Russian.
/// </summary>
public static class DemoContent
{
    private static DateTime At(int y, int m, int d) => new(y, m, d, 5, 0, 0, DateTimeKind.Utc); // 10:00 in Dushanbe

    public static readonly IReadOnlyList<DemoStory> News =
    [
        new(At(2020, 5, 5), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "В Душанбе стартовал проект в поддержку антипыточной повестки",
                "Коалиция против пыток и безнаказанности вместе с Хельсинкским фондом по правам человека (Польша) начинает двухлетний проект, финансируемый Европейским союзом.",
                """
                5 мая 2020 года в Душанбе Коалиция гражданского общества против пыток и безнаказанности в Таджикистане и Хельсинкский фонд по правам человека (Польша) объявили о начале проекта «Поддержка антипыточной повестки и правозащитных групп в Таджикистане».

                Проект финансируется Европейским союзом в рамках Европейского инструмента за демократию и права человека (EIDHR). Партнёры по реализации — Независимый центр по защите прав человека, «Право и процветание» и Бюро гражданских свобод.

                ## Что предусмотрено

                - четыре информационные кампании за два года — к 26 июня и к 10 декабря;
                - обучение молодых юристов и активистов;
                - юридическая помощь пострадавшим от пыток и их семьям.
                """),
            ["en"] = new(
                "Project in support of the anti-torture agenda launched in Dushanbe",
                "The Coalition against Torture and Impunity and the Helsinki Foundation for Human Rights (Poland) begin a two-year project funded by the European Union.",
                """
                On 5 May 2020 in Dushanbe, the Civil Society Coalition against Torture and Impunity in Tajikistan and the Helsinki Foundation for Human Rights (Poland) announced the start of the project "Support for anti-torture agenda and human rights groups in Tajikistan".

                The project is funded by the European Union under the European Instrument for Democracy and Human Rights (EIDHR). The implementing partners are the Independent Center for Human Rights Protection, Right and Prosperity, and the Office of Civil Freedoms.

                ## What the project will do

                - four media campaigns over two years, around 26 June and 10 December;
                - training for young lawyers and activists;
                - legal aid for victims of torture and their families.
                """),
            ["tg"] = new(
                "Дар Душанбе лоиҳа дар дастгирии рӯзномаи зидди шиканҷа оғоз ёфт",
                "Эътилоф бар зидди шиканҷа ва беҷазоӣ якҷоя бо Бунёди Ҳелсинкии ҳуқуқи инсон (Лаҳистон) лоиҳаи дусоларо оғоз мекунад, ки аз ҷониби Иттиҳоди Аврупо маблағгузорӣ мешавад.",
                """
                5 майи соли 2020 дар Душанбе Эътилофи ҷомеаи шаҳрвандӣ бар зидди шиканҷа ва беҷазоӣ дар Тоҷикистон ва Бунёди Ҳелсинкии ҳуқуқи инсон (Лаҳистон) оғози лоиҳаи «Дастгирии рӯзномаи зидди шиканҷа ва гурӯҳҳои ҳуқуқи инсон дар Тоҷикистон»-ро эълон карданд.

                Лоиҳа аз ҷониби Иттиҳоди Аврупо дар доираи Абзори аврупоӣ барои демократия ва ҳуқуқи инсон маблағгузорӣ мешавад. Шарикони татбиқкунанда — Маркази мустақили ҳимояи ҳуқуқи инсон, «Ҳуқуқ ва Рушд» ва Бюрои озодиҳои шаҳрвандӣ.

                ## Лоиҳа чӣ пешбинӣ мекунад

                - чор маъракаи иттилоотӣ дар ду сол — ба 26 июн ва 10 декабр;
                - омӯзиши ҳуқуқшиносон ва фаъолони ҷавон;
                - кӯмаки ҳуқуқӣ ба қурбониёни шиканҷа ва оилаҳои онҳо.
                """),
        }),
        new(At(2020, 6, 26), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "26 июня: Коалиция напоминает о праве каждого на свободу от пыток",
                "В Международный день в поддержку жертв пыток Коалиция начинает первую информационную кампанию проекта.",
                """
                26 июня отмечается Международный день в поддержку жертв пыток. В этот день Коалиция начинает первую из четырёх информационных кампаний проекта.

                Запрет пыток абсолютен: ни чрезвычайное положение, ни приказ начальника не могут его оправдать. Мы напоминаем, куда обращаться за помощью и как Группа юридической помощи Коалиции поддерживает пострадавших и их семьи.

                > Если вы или ваши близкие пострадали от пыток, напишите нам: help@example.org
                """),
            ["en"] = new(
                "26 June: the Coalition recalls everyone's right to be free from torture",
                "On the International Day in Support of Victims of Torture, the Coalition opens the project's first media campaign.",
                """
                26 June is the International Day in Support of Victims of Torture. On this day the Coalition opens the first of the project's four media campaigns.

                The prohibition of torture is absolute: neither a state of emergency nor an order from a superior can justify it. We explain where to turn for help and how the Coalition's Legal Aid Group supports victims and their families.

                > If you or your family have suffered torture, write to us: help@example.org
                """),
            ["tg"] = new(
                "26 июн: Эътилоф ҳуқуқи ҳар кас ба озодӣ аз шиканҷаро хотиррасон мекунад",
                "Дар Рӯзи байналмилалии дастгирии қурбониёни шиканҷа Эътилоф аввалин маъракаи иттилоотии лоиҳаро оғоз мекунад.",
                """
                26 июн Рӯзи байналмилалии дастгирии қурбониёни шиканҷа аст. Дар ин рӯз Эътилоф аввалин маъракаи иттилоотиро аз чор маъракаи лоиҳа оғоз мекунад.

                Манъи шиканҷа мутлақ аст: на ҳолати фавқулодда ва на фармони сардор онро сафед карда наметавонад. Мо шарҳ медиҳем, ки барои кӯмак ба куҷо муроҷиат бояд кард ва Гурӯҳи кӯмаки ҳуқуқии Эътилоф ба ҷабрдидагон ва оилаҳои онҳо чӣ гуна ёрӣ мерасонад.

                > Агар шумо ё наздиконатон аз шиканҷа ҷабр дида бошед, ба мо нависед: help@example.org
                """),
        }),
        new(At(2020, 9, 15), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "Молодые юристы изучили международные механизмы защиты прав человека",
                "Трёхдневный тренинг познакомил участников с работой договорных органов ООН и специальных процедур.",
                """
                Двадцать молодых юристов и активистов приняли участие в тренинге о национальных и международных механизмах защиты от пыток.

                Участники разобрали, как готовить индивидуальные жалобы в Комитет ООН по правам человека и Комитет против пыток, и как использовать рекомендации этих органов в национальных судах.
                """),
            ["en"] = new(
                "Young lawyers study international human rights protection mechanisms",
                "A three-day training introduced participants to the UN treaty bodies and special procedures.",
                """
                Twenty young lawyers and activists took part in a training on domestic and international mechanisms of protection against torture.

                Participants worked through how to prepare individual complaints to the UN Human Rights Committee and the Committee against Torture, and how to use these bodies' recommendations in domestic courts.
                """),
        }),
        new(At(2020, 10, 20), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "Группа юридической помощи начала мониторинг судебных заседаний",
                "Наблюдатели Коалиции присутствуют на заседаниях по делам, связанным с жалобами на пытки.",
                """
                Группа юридической помощи Коалиции начала систематический мониторинг судебных заседаний по делам, в которых подсудимые или потерпевшие заявляют о пытках.

                Наблюдатели фиксируют, соблюдаются ли гарантии справедливого суда, и готовят обобщённые отчёты. Персональные данные участников процессов в отчётах не публикуются.
                """),
            ["en"] = new(
                "Legal Aid Group begins monitoring court hearings",
                "Coalition observers attend hearings in cases involving allegations of torture.",
                """
                The Coalition's Legal Aid Group has begun systematic monitoring of court hearings in cases where defendants or victims allege torture.

                Observers record whether fair-trial guarantees are respected and prepare aggregated reports. Personal data of the parties are never published in these reports.
                """),
        }),
        new(At(2020, 12, 10), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "День прав человека: вторая кампания Коалиции",
                "К 10 декабря Коалиция рассказывает о праве на юридическую помощь с момента задержания.",
                """
                10 декабря, в День прав человека, Коалиция начала вторую информационную кампанию проекта.

                В центре кампании — право на адвоката с момента фактического задержания. Именно в первые часы после задержания риск пыток наиболее высок.
                """),
            ["en"] = new(
                "Human Rights Day: the Coalition's second campaign",
                "For 10 December, the Coalition explains the right to a lawyer from the moment of arrest.",
                """
                On 10 December, Human Rights Day, the Coalition opened the project's second media campaign.

                The campaign focuses on the right to a lawyer from the moment of actual arrest. The first hours after an arrest are when the risk of torture is highest.
                """),
            ["tg"] = new(
                "Рӯзи ҳуқуқи инсон: маъракаи дуюми Эътилоф",
                "Ба 10 декабр Эътилоф дар бораи ҳуқуқ ба ёрии ҳуқуқӣ аз лаҳзаи боздошт нақл мекунад.",
                """
                10 декабр, дар Рӯзи ҳуқуқи инсон, Эътилоф маъракаи дуюми иттилоотии лоиҳаро оғоз кард.

                Дар маркази маърака — ҳуқуқ ба адвокат аз лаҳзаи воқеии боздошт. Маҳз дар соатҳои аввали боздошт хатари шиканҷа аз ҳама баландтар аст.
                """),
        }),
        new(At(2021, 3, 18), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "Тренинг: как правозащитникам работать со СМИ",
                "Участники учились готовить пресс-релизы и говорить о пытках, не причиняя вреда пострадавшим.",
                """
                Очередной образовательный семинар проекта был посвящён работе со СМИ.

                Участники обсудили, как готовить пресс-релиз, как давать интервью и как рассказывать о случаях пыток так, чтобы не раскрыть личность пострадавших и не подвергнуть их новой опасности.
                """),
            ["en"] = new(
                "Training: how human rights defenders work with the media",
                "Participants learned to write press releases and to speak about torture without harming survivors.",
                """
                The project's latest educational seminar was devoted to working with the media.

                Participants discussed how to prepare a press release, how to give an interview, and how to report on torture cases without revealing survivors' identities or exposing them to new danger.
                """),
        }),
        new(At(2021, 4, 22), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "Стратегические тяжбы: семинар о работе с договорными органами ООН",
                "Юристы Коалиции поделились опытом подготовки дел для международных инстанций.",
                """
                Группа юридической помощи провела семинар о стратегических тяжбах — делах, которые ведутся не только ради одного клиента, но и для изменения практики.

                Обсуждались критерии выбора дел, исчерпание внутренних средств защиты и исполнение решений международных органов.
                """),
            ["en"] = new(
                "Strategic litigation: a seminar on working with UN treaty bodies",
                "Coalition lawyers shared their experience of preparing cases for international bodies.",
                """
                The Legal Aid Group held a seminar on strategic litigation: cases pursued not only for one client but to change practice.

                The discussion covered how cases are chosen, the exhaustion of domestic remedies, and the implementation of decisions of international bodies.
                """),
        }),
        new(At(2021, 6, 26), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "26 июня 2021: третья кампания в поддержку жертв пыток",
                "Коалиция рассказывает о реабилитации пострадавших и о праве на компенсацию.",
                """
                В Международный день в поддержку жертв пыток Коалиция начала третью информационную кампанию проекта.

                В этом году мы говорим о праве пострадавших на реабилитацию и справедливую компенсацию, которое закреплено в статье 14 Конвенции против пыток.
                """),
            ["en"] = new(
                "26 June 2021: third campaign in support of victims of torture",
                "The Coalition speaks about rehabilitation of survivors and the right to compensation.",
                """
                On the International Day in Support of Victims of Torture, the Coalition opened the project's third media campaign.

                This year we speak about survivors' right to rehabilitation and fair compensation, set out in Article 14 of the Convention against Torture.
                """),
        }),
        new(At(2021, 11, 5), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "Семинар по мониторингу мест лишения свободы",
                "Активисты из регионов изучили методики независимого мониторинга.",
                """
                Семинар для активистов из регионов был посвящён мониторингу мест лишения свободы: подготовке визитов, интервью с задержанными и документированию нарушений.

                Особое внимание уделили безопасности собеседников и конфиденциальности собранных сведений.
                """),
        }),
        new(At(2021, 12, 10), new Dictionary<string, DemoText>
        {
            ["ru"] = new(
                "10 декабря 2021: итоговая кампания проекта",
                "Четвёртая кампания подводит итоги двух лет работы против пыток.",
                """
                В День прав человека Коалиция начала четвёртую, итоговую информационную кампанию проекта.

                За два года прошли образовательные мероприятия для молодых юристов и активистов, Группа юридической помощи консультировала пострадавших и их семьи и наблюдала за судебными процессами.
                """),
            ["en"] = new(
                "10 December 2021: the project's closing campaign",
                "The fourth campaign takes stock of two years of work against torture.",
                """
                On Human Rights Day the Coalition opened the project's fourth and closing media campaign.

                Over two years the project held educational events for young lawyers and activists, and the Legal Aid Group advised victims and their families and monitored court hearings.
                """),
        }),
    ];
}
