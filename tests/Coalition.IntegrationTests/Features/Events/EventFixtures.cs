using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Events;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Events;

/// <summary>Events made through the app's own <see cref="ContentEditor{T}"/>, as staff would.</summary>
internal static class EventFixtures
{
    public static async Task<(int Id, string Slug, Guid Group)> CreateEventAsync(
        this CoalitionAppFactory factory,
        int capacity = 20,
        string culture = "en",
        TimeSpan? startsIn = null,
        TimeSpan? closesIn = null,
        bool cancelled = false,
        Guid? group = null,
        string? title = null)
    {
        var start = factory.UtcNow + (startsIn ?? TimeSpan.FromDays(10));
        var fields = new EventFields
        {
            Start = DushanbeTime.ToLocal(start),
            End = DushanbeTime.ToLocal(start.AddHours(7)),
            City = EventCity.Khujand,
            Venue = "Room 3, Example Street 1",
            Audience = "Young lawyers",
            EventLanguage = "Russian",
            Capacity = capacity,
            RegistrationCloses = closesIn is { } c ? DushanbeTime.ToLocal(factory.UtcNow + c) : null,
            Trainers = "Trainer One | lawyer\nTrainer Two | monitor",
            Cancelled = cancelled,
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor<Event>>();
        var result = await editor.CreateAsync(
            new ContentInput(culture, title ?? $"Seminar {Guid.NewGuid():N}", null, "A seminar.", "## Programme\n\nMorning: monitoring.", 0, Fields: fields),
            SaveAction.Publish,
            userId: null,
            translationGroupId: group);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the event: {result.Outcome} {result.Field} {result.Detail}.");
        }

        var item = await editor.FindAsync(result.Id);
        return (item!.Id, item.Slug, item.TranslationGroupId);
    }

    public static Dictionary<string, string> Form(string email, string name = "Test Person") => new()
    {
        ["Form.Name"] = name,
        ["Form.Email"] = email,
        ["Form.Phone"] = "+992 00 000 0000",
        ["Form.Organisation"] = "Example NGO",
        ["Form.Consent"] = "true",
    };

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string culture, string slug, string email, string name = "Test Person") =>
        await client.PostFormAsync($"/{culture}/events/{slug}", $"/{culture}/events/{slug}/register", Form(email, name));

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    /// <summary>The first message to <paramref name="address"/> whose subject starts with <paramref name="subject"/>, within a few seconds.</summary>
    public static async Task<MimeKit.MimeMessage> WaitForSubjectAsync(this CoalitionAppFactory factory, string address, string subject)
    {
        await factory.WaitForMailCountAsync(address, subject, 1);
        var found = factory.ReceivedMail.First(m => IsMail(m, address, subject));
        return await MimeKit.MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(found.Data)));
    }

    /// <summary>
    /// Waits a few seconds until at least <paramref name="count"/> messages to <paramref name="address"/> whose subject
    /// starts with <paramref name="subject"/> have arrived (mail crosses a real SMTP socket); returns how many there are.
    /// </summary>
    public static async Task<int> WaitForMailCountAsync(this CoalitionAppFactory factory, string address, string subject, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            if (factory.MailCount(address, subject) >= count)
            {
                return factory.MailCount(address, subject);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{count} e-mail(s) '{subject}' to {address} did not arrive.");
    }

    /// <summary>Whether a message to <paramref name="address"/> with that subject has arrived so far.</summary>
    public static bool HasMail(this CoalitionAppFactory factory, string address, string subject) => factory.MailCount(address, subject) > 0;

    /// <summary>How many messages to <paramref name="address"/> with that subject have arrived so far.</summary>
    public static int MailCount(this CoalitionAppFactory factory, string address, string subject) =>
        factory.ReceivedMail.Count(m => IsMail(m, address, subject));

    private static bool IsMail(netDumbster.smtp.SmtpMessage m, string address, string subject) =>
        m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)) && m.Subject.StartsWith(subject, StringComparison.Ordinal);
}
