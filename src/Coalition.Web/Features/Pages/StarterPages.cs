using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Pages;

/// <summary>
/// The first text of the fixed pages, in the three languages: created on the first start of every installation
/// (production included) and then edited by staff; a page that exists is never overwritten. Contacts are placeholders.
/// </summary>
public static class StarterPages
{
    public static readonly IReadOnlyList<StarterText> All =
    [
        new(PageKeys.About, "ru", "О Коалиции", "Коалиция гражданского общества против пыток и безнаказанности в Таджикистане.", """
            Коалиция гражданского общества против пыток и безнаказанности в Таджикистане объединяет правозащитные организации и юристов, которые добиваются искоренения пыток и привлечения виновных к ответственности.

            ## Группа юридической помощи

            - юридическая помощь пострадавшим от пыток и их семьям;
            - мониторинг судебных заседаний;
            - стратегические тяжбы в национальных судах и международных органах.

            ## Проект

            Проект «Поддержка антипыточной повестки и правозащитных групп в Таджикистане» начат 5 мая 2020 года в Душанбе вместе с Хельсинкским фондом по правам человека (Польша) и финансируется Европейским союзом (Европейский инструмент за демократию и права человека).

            Партнёры: Хельсинкский фонд по правам человека (Польша), Независимый центр по защите прав человека, «Право и процветание», Бюро гражданских свобод.
            """),
        new(PageKeys.About, "tg", "Дар бораи Эътилоф", "Эътилофи ҷомеаи шаҳрвандӣ бар зидди шиканҷа ва беҷазоӣ дар Тоҷикистон.", """
            Эътилофи ҷомеаи шаҳрвандӣ бар зидди шиканҷа ва беҷазоӣ дар Тоҷикистон созмонҳои ҳуқуқи инсон ва ҳуқуқшиносонро муттаҳид мекунад, ки барои решакан кардани шиканҷа ва ба ҷавобгарӣ кашидани гунаҳкорон талош доранд.

            ## Гурӯҳи кӯмаки ҳуқуқӣ

            - кӯмаки ҳуқуқӣ ба қурбониёни шиканҷа ва оилаҳои онҳо;
            - мониторинги ҷаласаҳои судӣ;
            - мурофиаҳои стратегӣ дар судҳои миллӣ ва ниҳодҳои байналмилалӣ.

            ## Лоиҳа

            Лоиҳаи «Дастгирии рӯзномаи зидди шиканҷа ва гурӯҳҳои ҳуқуқи инсон дар Тоҷикистон» 5 майи соли 2020 дар Душанбе якҷоя бо Бунёди Ҳелсинкии ҳуқуқи инсон (Лаҳистон) оғоз ёфта, аз ҷониби Иттиҳоди Аврупо (Воситаи аврупоӣ барои демократия ва ҳуқуқи инсон) маблағгузорӣ мешавад.

            Шарикон: Бунёди Ҳелсинкии ҳуқуқи инсон (Лаҳистон), Маркази мустақили ҳифзи ҳуқуқи инсон, «Ҳуқуқ ва шукуфоӣ», Бюрои озодиҳои шаҳрвандӣ.
            """),
        new(PageKeys.About, "en", "About the Coalition", "The Civil Society Coalition against Torture and Impunity in Tajikistan.", """
            The Civil Society Coalition against Torture and Impunity in Tajikistan brings together human rights organisations and lawyers working to end torture and to hold those responsible to account.

            ## Legal Aid Group

            - legal help for victims of torture and their families;
            - monitoring of court hearings;
            - strategic litigation in domestic courts and before international bodies.

            ## The project

            The project "Support for anti-torture agenda and human rights groups in Tajikistan" was launched on 5 May 2020 in Dushanbe together with the Helsinki Foundation for Human Rights (Poland) and is funded by the European Union (European Instrument for Democracy and Human Rights).

            Partners: Helsinki Foundation for Human Rights (Poland), Independent Center for Human Rights Protection, Right and Prosperity, Office of Civil Freedoms.
            """),
        new(PageKeys.Contacts, "ru", "Контакты", "Как связаться с Коалицией.", """
            - Общие вопросы: [info@example.org](mailto:info@example.org)
            - Юридическая помощь: [help@example.org](mailto:help@example.org)
            - Для прессы: [press@example.org](mailto:press@example.org)

            Если вы пишете о случае пытки, не указывайте в первом письме лишних личных данных: юрист свяжется с вами и предложит безопасный способ связи.
            """),
        new(PageKeys.Contacts, "tg", "Тамос", "Чӣ тавр бо Эътилоф тамос гирифтан мумкин аст.", """
            - Саволҳои умумӣ: [info@example.org](mailto:info@example.org)
            - Кӯмаки ҳуқуқӣ: [help@example.org](mailto:help@example.org)
            - Барои матбуот: [press@example.org](mailto:press@example.org)

            Агар шумо дар бораи ҳодисаи шиканҷа нависед, дар номаи аввал маълумоти шахсии зиёдатӣ нанависед: ҳуқуқшинос бо шумо тамос гирифта, роҳи бехатари алоқаро пешниҳод мекунад.
            """),
        new(PageKeys.Contacts, "en", "Contacts", "How to reach the Coalition.", """
            - General enquiries: [info@example.org](mailto:info@example.org)
            - Legal aid: [help@example.org](mailto:help@example.org)
            - Press: [press@example.org](mailto:press@example.org)

            If you are writing about a case of torture, do not put unnecessary personal details in your first message: a lawyer will contact you and suggest a safe way to communicate.
            """),
        new(PageKeys.Disclaimer, "ru", "Заявление об ограничении ответственности", "О финансировании Европейского союза.",
            "Этот сайт создан при финансовой поддержке Европейского союза. Его содержание является исключительной ответственностью Коалиции против пыток и безнаказанности в Таджикистане и не обязательно отражает точку зрения Европейского союза."),
        new(PageKeys.Disclaimer, "tg", "Изҳорот дар бораи маҳдудияти масъулият", "Дар бораи маблағгузории Иттиҳоди Аврупо.",
            "Ин сомона бо дастгирии молиявии Иттиҳоди Аврупо таҳия шудааст. Мундариҷаи он танҳо масъулияти Эътилоф бар зидди шиканҷа ва беҷазоӣ дар Тоҷикистон буда, ҳатман нуқтаи назари Иттиҳоди Аврупоро инъикос намекунад."),
        new(PageKeys.Disclaimer, "en", "Disclaimer", "About the European Union funding.",
            "This website was produced with the financial support of the European Union. Its contents are the sole responsibility of the Coalition against Torture and Impunity in Tajikistan and do not necessarily reflect the views of the European Union."),
    ];
}
