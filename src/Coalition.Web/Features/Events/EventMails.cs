using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.Events;

public enum EventMailKind
{
    Registered,
    Waiting,
    AlreadyRegistered,
    Promoted,
    Cancelled,

    /// <summary>The organisers cancelled the event itself.</summary>
    EventCancelled,
}

/// <summary>
/// The registrants' e-mails, in plain text, in the language each person registered in, one message per person
/// (never a list of addresses), through the <see cref="MailQueue"/>. Links come from <c>Site:PublicBaseUrl</c> (<see cref="Infrastructure.PublicUrls"/>).
/// </summary>
public sealed class EventMails(
    Coalition.Data.CoalitionDbContext db,
    MailQueue queue,
    IStringLocalizer<SharedResource> t,
    IOptions<MailOptions> options,
    Infrastructure.PublicUrls urls)
{
    internal async Task SendAsync(IReadOnlyList<RegistrationNotice> notices, CancellationToken ct)
    {
        foreach (var notice in notices)
        {
            var r = notice.Registration;
            if (r.Email is null)
            {
                continue;
            }

            var item = await db.Events.AsNoTracking().Where(e => e.TranslationGroupId == r.EventGroupId && e.DeletedUtc == null)
                .OrderByDescending(e => e.Culture == r.Culture).ThenBy(e => e.Id).FirstOrDefaultAsync(ct);
            if (item is null)
            {
                continue;
            }

            queue.Enqueue(InLanguage(r.Culture, () => Compose(notice, item)));
        }
    }

    /// <summary>A message from staff to one confirmed participant.</summary>
    public MimeMessage StaffMessage(EventRegistration registration, Event item, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(item);
        return InLanguage(registration.Culture, () => Message(registration, subject, body.Trim(), t["You receive this message because you registered for “{0}”.", item.Title]));
    }

    private MimeMessage Compose(RegistrationNotice notice, Event item)
    {
        var r = notice.Registration;
        var when = t["{0} (Dushanbe time)", EventTimes.Span(item.StartUtc, item.EndUtc)];
        var where = item.City == EventCity.Online ? t["Online"] : $"{t[item.City.ToString()]}{(item.Venue is null ? "" : ", " + item.Venue)}";
        var details = $"{item.Title}\n{when}\n{where}";
        var page = Link($"{item.Culture}/events/{item.Slug}", null);
        var cancel = notice.CancelToken is { } token
            ? t["If you cannot come, please cancel, so that someone else can have your place:"] + "\n" + Link($"{r.Culture}/events/registration/cancel", token)
            : null;
        var (subject, lead) = notice.Kind switch
        {
            EventMailKind.Registered => (t["You are registered: {0}", item.Title], t["You are registered for this event:"]),
            EventMailKind.Waiting => (t["You are on the waiting list: {0}", item.Title], t["The event is full. You are on the waiting list, number {0}. If a place becomes free, we will write to you at once.", notice.WaitingNumber]),
            EventMailKind.AlreadyRegistered => (t["You were already registered: {0}", item.Title], r.Status == RegistrationStatus.Waiting
                ? t["Someone, probably you, registered this address again. You were already on the waiting list, number {0}; nothing has changed.", notice.WaitingNumber]
                : t["Someone, probably you, registered this address again. You were already registered; nothing has changed."]),
            EventMailKind.Promoted => (t["A place is free for you: {0}", item.Title], t["A place has become free, and it is yours: you are now registered for this event."]),
            EventMailKind.EventCancelled => (t["Event cancelled: {0}", item.Title], t["We are sorry: the organisers have cancelled this event. Your registration no longer applies, and you need do nothing. If the event is held later, it will be announced on the site."]),
            _ => (t["Your registration is cancelled: {0}", item.Title], t["Your registration for this event is cancelled. Thank you for letting us know."]),
        };
        return Message(r, subject, lead, details, page.ToString(), cancel, t["If you did not register, ignore this message."]);
    }

    private MimeMessage Message(EventRegistration r, string subject, params string?[] paragraphs)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(r.Name ?? "", r.Email ?? throw new InvalidOperationException("The registration has no address.")));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Content-Language", r.Culture);
        message.Body = new TextPart("plain") { Text = string.Join("\n\n", paragraphs.Where(p => !string.IsNullOrEmpty(p))) + "\n" };
        return message;
    }

    private Uri Link(string path, string? token)
    {
        var query = token is null ? "" : new QueryBuilder { { "token", token } }.ToQueryString().Value;
        return new Uri(urls.Absolute(path + query));
    }

    private static MimeMessage InLanguage(string language, Func<MimeMessage> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = SiteCultures.ToCultureInfo(SiteCultures.IsSupported(language) ? language : SiteCultures.Default);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = target;
        try
        {
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
