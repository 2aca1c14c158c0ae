using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Infrastructure;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.Press;

/// <summary>
/// The press room's e-mails, in plain text, in the subscription's language. Every one carries a one-click
/// unsubscribe link, in the text and as List-Unsubscribe (RFC 8058). Links come from the configured public base
/// URL, never from a request.
/// </summary>
public sealed class PressMails(IStringLocalizer<SharedResource> t, IOptions<MailOptions> options, IOptions<PressOptions> press, PublicUrls urls)
{
    public string ConfirmUrl(string culture, string token) => urls.Absolute($"/{culture}/press/alerts/confirm?token={Uri.EscapeDataString(token)}");

    public string UnsubscribeUrl(string culture, string token) => urls.Absolute($"/{culture}/press/alerts/unsubscribe?token={Uri.EscapeDataString(token)}");

    public MimeMessage Confirmation(PressSubscriber subscriber, string confirmToken, string unsubscribeToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return InLanguage(subscriber.Culture, () => Message(
            subscriber,
            UnsubscribeUrl(subscriber.Culture, unsubscribeToken),
            t["Confirm your press-release alerts"],
            t["Someone, probably you, asked for e-mail alerts of new press releases of the Coalition against Torture and Impunity in Tajikistan at this address."],
            t["To confirm, open this link:"],
            ConfirmUrl(subscriber.Culture, confirmToken),
            t["The link works for {0} hours. If you did not ask for this, ignore this message: nothing more will be sent.", press.Value.ConfirmationHours]));
    }

    public MimeMessage Alert(PressSubscriber subscriber, PressRelease release, string unsubscribeToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(release);
        return InLanguage(subscriber.Culture, () =>
        {
            var dateLine = DushanbeTime.FormatDate(release.PublishedUtc!.Value);
            if (!string.IsNullOrWhiteSpace(release.PlaceLine))
            {
                dateLine += ", " + release.PlaceLine;
            }

            var message = Message(
                subscriber,
                UnsubscribeUrl(subscriber.Culture, unsubscribeToken),
                t["Press release: {0}", release.Title],
                release.Title,
                dateLine,
                release.Summary ?? "",
                t["Read the release and download its files:"],
                urls.Absolute($"/{release.Culture}/press/{release.Slug}"));
            message.MessageId = AlertMessageId(subscriber, release);
            return message;
        });
    }

    /// <summary>
    /// The same Message-Id every time the alert of one release to one subscriber is built, so the outbox stores it once
    /// however often it is given (a run repeated after a crash, a second instance). A hash, with the release's random
    /// translation-group id in it: the header shows neither the subscriber's number nor how many there are.
    /// </summary>
    internal string AlertMessageId(PressSubscriber subscriber, PressRelease release)
    {
        var key = System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"press-alert|{release.TranslationGroupId:N}|{release.Id}|{subscriber.Id}"));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key))[..32];
        return $"alert-{hash}@{new Uri(urls.Origin).Host}";
    }

    private MimeMessage Message(PressSubscriber subscriber, string unsubscribeUrl, string subject, params string[] paragraphs)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(subscriber.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Content-Language", subscriber.Culture);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var text = string.Join("\n\n", paragraphs.Where(p => p.Length > 0))
            + "\n\n-- \n" + t["To stop these e-mails, open:"] + "\n" + unsubscribeUrl + "\n";
        message.Body = new TextPart("plain") { Text = text };
        return message;
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
