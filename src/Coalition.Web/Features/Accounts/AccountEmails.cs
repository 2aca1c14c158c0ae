using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.Accounts;

/// <summary>The account e-mails, in plain text, in the language chosen for the recipient.</summary>
public sealed class AccountEmails(IStringLocalizer<SharedResource> t, IOptions<MailOptions> options)
{
    public MimeMessage Invitation(StaffUser user, string role, Uri link, string language, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        return InLanguage(language, () => Message(
            user,
            t["Your invitation to the Coalition portal"],
            t["Hello {0},", user.DisplayName],
            t["An administrator of the Coalition against Torture and Impunity in Tajikistan has invited you to the staff area of the portal as {0}.", role == Roles.Administrator ? t["Administrator"] : t["Editor"]],
            t["To accept, open this link and choose your password:"],
            link.ToString(),
            t["The link works once and expires in {0} hours.", (int)lifetime.TotalHours],
            t["After that you will set up an authenticator app on your phone for two-step sign-in."],
            t["If you did not expect this invitation, ignore this message."]));
    }

    public MimeMessage PasswordReset(StaffUser user, Uri link, string language, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        return InLanguage(language, () => Message(
            user,
            t["Reset your password for the Coalition portal"],
            t["Hello {0},", user.DisplayName],
            t["Someone asked to reset the password of your staff account. To choose a new password, open this link:"],
            link.ToString(),
            t["The link works once and expires in {0} minutes.", (int)lifetime.TotalMinutes],
            t["If you did not ask for this, ignore this message: your password stays as it is."]));
    }

    private MimeMessage Message(StaffUser user, string subject, params string[] paragraphs)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? throw new InvalidOperationException("The account has no e-mail address.")));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Content-Language", SiteCultures.Current);
        message.Body = new TextPart("plain") { Text = string.Join("\n\n", paragraphs) + "\n" };
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

/// <summary>Absolute links for e-mails: from <see cref="Infrastructure.PublicUrls"/>, never from the Host header.</summary>
public sealed class AccountLinks(Infrastructure.PublicUrls urls)
{
    public Uri Invitation(string userId, string token) => Build("account/invitation", userId, token);

    public Uri PasswordReset(string userId, string token) => Build("account/reset-password", userId, token);

    private Uri Build(string path, string userId, string token)
    {
        var query = new QueryBuilder { { "user", userId }, { "token", token } };
        return new Uri(urls.Absolute(path + query.ToQueryString()));
    }
}
