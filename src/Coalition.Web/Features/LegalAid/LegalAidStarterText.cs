namespace Coalition.Web.Features.LegalAid;

/// <summary>
/// Starter text of the Legal Aid page in the three languages, shown until staff have a page with the key
/// <c>legal-aid</c> in the database (the fixed-page seeding will copy it there). The guidance after torture is general
/// and follows the Istanbul Protocol; it is marked for review by the Coalition's lawyers. Contacts are placeholders.
/// </summary>
public static class LegalAidStarterText
{
    public const string PageKey = "legal-aid";

    public sealed record Text(string Title, string Markdown);

    /// <summary>
    /// The same texts as the fixed-page seeding takes them: add these to <c>StarterPages.All</c> and
    /// <see cref="PageKey"/> to <c>PageKeys.All</c>, and the page becomes editable in the admin; the Legal Aid page
    /// then shows the stored page instead of this text.
    /// </summary>
    public static IReadOnlyList<Publishing.StarterText> StarterContent =>
        Localization.SiteCultures.All.Select(c => new Publishing.StarterText(PageKey, c, For(c).Title, Summary: null, For(c).Markdown)).ToList();

    public static Text For(string culture) => culture switch
    {
        "tg" => Tajik,
        "en" => English,
        _ => Russian,
    };

    private static readonly Text Russian = new("Юридическая помощь", """
        > **Черновик: текст должны проверить юристы Коалиции.**

        Группа юридической помощи Коалиции против пыток и безнаказанности в Таджикистане бесплатно помогает людям,
        которые пострадали от пыток или жестокого обращения, и их близким. Юристы Группы консультируют, представляют
        интересы пострадавших в суде, наблюдают за судебными заседаниями и ведут стратегические дела.

        ## Кто может обратиться

        - человек, который сам пострадал от пыток или жестокого обращения;
        - член семьи или близкий человек пострадавшего;
        - адвокат, который ведёт такое дело.

        ## Что происходит после обращения

        1. Вы отправляете [форму обращения](/ru/legal-aid/request) или звоните по телефону ниже.
        2. Юрист Группы связывается с вами тем способом, который вы указали как безопасный. Обычно в течение нескольких
           рабочих дней, в срочных случаях быстрее.
        3. Вместе вы решаете, что делать дальше. Без вашего согласия Группа ничего не предпринимает.

        Содержание обращения зашифровано: его могут прочитать только члены Группы юридической помощи.

        ## Что делать сразу после пыток или жестокого обращения

        Это общие советы. Они основаны на **Стамбульском протоколе** — международном стандарте ООН по документированию
        пыток. В вашей ситуации юрист подскажет точнее.

        - **Как можно скорее пройдите медицинское обследование.** Следы побоев и другие травмы со временем исчезают.
          Попросите врача записать все повреждения и ваши жалобы, а также то, как, по вашим словам, они появились.
          Если вы под стражей, вы и ваш адвокат вправе требовать независимого врача.
        - **Запишите всё, что помните, как можно раньше:** дату, время, место, что происходило, имена, звания,
          приметы людей, номера машин и кабинетов, кто был свидетелем.
        - **Сохраните документы и вещи:** медицинские справки, повестки, протоколы, копии жалоб, одежду со следами.
          Не стирайте одежду. Если можете, сфотографируйте травмы с датой.
        - **Храните копии в безопасном месте,** не только в телефоне, который могут проверить.
        - **Обратитесь к адвокату** до того, как подписывать объяснения или отказ от жалобы.

        ## Контакты в регионах

        *Данные для примера: замените их на настоящие.*

        - Душанбе: +992 00 000 0000, legalaid-dushanbe@example.org
        - Согдийская область: +992 00 000 0000, legalaid-sughd@example.org
        - Хатлонская область: +992 00 000 0000, legalaid-khatlon@example.org
        - ГБАО: +992 00 000 0000, legalaid-gbao@example.org

        ## Ваша безопасность

        - Открывайте этот сайт в **приватном окне** браузера: тогда он не останется в истории.
        - **Tor Browser** скрывает от вашего провайдера, какие сайты вы посещаете.
        - Если ваш телефон могут проверить (например, на посту), пишите и звоните с другого телефона.
        - Кнопка **«Покинуть страницу»** сразу открывает обычный сайт. Клавиша Esc, нажатая три раза, делает то же.
        """);

    private static readonly Text Tajik = new("Кӯмаки ҳуқуқӣ", """
        > **Нусхаи аввал: матнро ҳуқуқшиносони Эътилоф бояд санҷанд.**

        Гурӯҳи кӯмаки ҳуқуқии Эътилоф бар зидди шиканҷа ва беҷазоӣ дар Тоҷикистон ба одамоне, ки аз шиканҷа ё
        муносибати бераҳмона осеб дидаанд, ва ба наздикони онҳо ройгон кӯмак мерасонад. Ҳуқуқшиносони Гурӯҳ маслиҳат
        медиҳанд, манфиати ҷабрдидагонро дар суд ҳимоя мекунанд, ҷаласаҳои судиро назорат мекунанд ва парвандаҳои
        стратегиро пеш мебаранд.

        ## Кӣ метавонад муроҷиат кунад

        - шахсе, ки худаш аз шиканҷа ё муносибати бераҳмона осеб дидааст;
        - аъзои оила ё шахси наздики ҷабрдида;
        - адвокате, ки чунин парвандаро пеш мебарад.

        ## Пас аз муроҷиат чӣ мешавад

        1. Шумо [шакли муроҷиатро](/tg/legal-aid/request) мефиристед ё ба рақами телефони зер занг мезанед.
        2. Ҳуқуқшиноси Гурӯҳ бо шумо бо роҳе, ки шумо бехатар нишон додаед, тамос мегирад. Одатан дар давоми чанд
           рӯзи корӣ, дар ҳолатҳои фаврӣ зудтар.
        3. Якҷоя қарор медиҳед, ки минбаъд чӣ кор кунед. Бе розигии шумо Гурӯҳ ҳеҷ коре намекунад.

        Мазмуни муроҷиат рамзгузорӣ шудааст: онро танҳо аъзои Гурӯҳи кӯмаки ҳуқуқӣ хонда метавонанд.

        ## Баъд аз шиканҷа ё муносибати бераҳмона фавран чӣ бояд кард

        Инҳо маслиҳатҳои умумӣ мебошанд. Онҳо ба **Протоколи Истанбул** — стандарти байналмилалии СММ оид ба ҳуҷҷатгузории
        шиканҷа асос ёфтаанд. Дар ҳолати шумо ҳуқуқшинос дақиқтар маслиҳат медиҳад.

        - **Ҳарчи зудтар аз муоинаи тиббӣ гузаред.** Осори латукӯб ва дигар ҷароҳатҳо бо мурури вақт нест мешаванд.
          Аз духтур хоҳиш кунед, ки ҳамаи ҷароҳатҳо, шикоятҳои шумо ва он чиро, ки ба гуфтаи шумо чӣ тавр пайдо шуданд,
          нависад. Агар шумо дар ҳабс бошед, шумо ва адвокати шумо ҳақ доред духтури мустақилро талаб кунед.
        - **Ҳар чиро, ки дар ёд доред, ҳарчи зудтар нависед:** сана, вақт, ҷой, чӣ рӯй дод, номҳо, рутбаҳо, нишонаҳои
          одамон, рақами мошинҳо ва утоқҳо, кӣ шоҳид буд.
        - **Ҳуҷҷатҳо ва ашёро нигоҳ доред:** маълумотномаҳои тиббӣ, даъватномаҳо, протоколҳо, нусхаи шикоятҳо, либоси
          осордор. Либосро нашӯед. Агар тавонед, ҷароҳатҳоро бо сана сурат гиред.
        - **Нусхаҳоро дар ҷои бехатар нигоҳ доред,** на танҳо дар телефоне, ки метавонанд санҷанд.
        - **Ба адвокат муроҷиат кунед** пеш аз он ки ягон шарҳ ё даст кашидан аз шикоятро имзо кунед.

        ## Тамос дар минтақаҳо

        *Маълумот барои намуна: онро бо маълумоти воқеӣ иваз кунед.*

        - Душанбе: +992 00 000 0000, legalaid-dushanbe@example.org
        - Вилояти Суғд: +992 00 000 0000, legalaid-sughd@example.org
        - Вилояти Хатлон: +992 00 000 0000, legalaid-khatlon@example.org
        - ВМКБ: +992 00 000 0000, legalaid-gbao@example.org

        ## Бехатарии шумо

        - Ин сомонаро дар **равзанаи хусусии** браузер кушоед: он гоҳ дар таърих намемонад.
        - **Tor Browser** аз провайдери шумо пинҳон мекунад, ки шумо ба кадом сомонаҳо медароед.
        - Агар телефони шуморо санҷида тавонанд (масалан, дар гузаргоҳ), аз телефони дигар нависед ва занг занед.
        - Тугмаи **«Тарки саҳифа»** фавран сомонаи оддиро мекушояд. Се бор пахш кардани тугмаи Esc ҳамин корро мекунад.
        """);

    private static readonly Text English = new("Legal aid", """
        > **Draft: to be reviewed by the Coalition's lawyers.**

        The Legal Aid Group of the Coalition against Torture and Impunity in Tajikistan gives free legal help to people
        who have suffered torture or ill-treatment, and to their families. The Group's lawyers give advice, represent
        victims in court, monitor court hearings and bring strategic cases.

        ## Who can ask

        - a person who has suffered torture or ill-treatment;
        - a family member or someone close to them;
        - a lawyer working on such a case.

        ## What happens after you ask

        1. You send the [request form](/en/legal-aid/request) or call the number below.
        2. A lawyer of the Group contacts you in the way you said is safe, usually within a few working days, and sooner
           when it is urgent.
        3. Together you decide what to do next. The Group does nothing without your consent.

        Your request is encrypted: only members of the Legal Aid Group can read it.

        ## What to do right after torture or ill-treatment

        This is general advice, based on the **Istanbul Protocol**, the United Nations' international standard for
        documenting torture. A lawyer can advise you on your own situation.

        - **Get a medical examination as soon as possible.** Bruises and other injuries fade. Ask the doctor to record
          every injury, your complaints, and how you say they were caused. If you are in detention, you and your lawyer
          have the right to ask for an independent doctor.
        - **Write down everything you remember, as early as you can:** the date, time and place, what happened, names,
          ranks and descriptions of the people involved, numbers of cars and offices, and who saw it.
        - **Keep documents and objects:** medical certificates, summonses, records, copies of complaints, clothing with
          marks. Do not wash the clothing. If you can, photograph injuries with the date.
        - **Keep copies somewhere safe,** not only on a phone that may be checked.
        - **Talk to a lawyer** before you sign any statement or withdraw a complaint.

        ## Regional contact points

        *Example details: replace them with the real ones.*

        - Dushanbe: +992 00 000 0000, legalaid-dushanbe@example.org
        - Sughd region: +992 00 000 0000, legalaid-sughd@example.org
        - Khatlon region: +992 00 000 0000, legalaid-khatlon@example.org
        - GBAO: +992 00 000 0000, legalaid-gbao@example.org

        ## Your safety

        - Open this site in a **private window** of your browser, so that it does not stay in the history.
        - **Tor Browser** hides from your internet provider which sites you visit.
        - If your phone may be checked (for example at a police post), write and call from another phone.
        - The **Leave this page** button opens an everyday site at once. Pressing Esc three times does the same.
        """);
}
