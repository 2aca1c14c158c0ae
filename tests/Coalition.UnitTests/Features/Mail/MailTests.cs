using System.ComponentModel.DataAnnotations;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Moq;

namespace Coalition.UnitTests.Features.Mail;

public sealed class MailTests
{
    [Fact]
    public void MailOptions_Defaults_AreValid_AndWriteToTheFolder()
    {
        var options = new MailOptions();
        Assert.Empty(Validate(options));
        Assert.False(options.UsesSmtp);
    }

    [Fact]
    public void SiteOptions_PublicBaseUrl_IsASchemeAndHostOnly()
    {
        // Links in e-mails come from Site:PublicBaseUrl (PublicUrls), which Production requires; Mail has no address of its own.
        Assert.Empty(ValidateSite(new SiteOptions { PublicBaseUrl = new Uri("https://coalition.example.org") }));
        Assert.NotEmpty(ValidateSite(new SiteOptions { PublicBaseUrl = new Uri("ftp://example.org") }));
        Assert.NotEmpty(ValidateSite(new SiteOptions { PublicBaseUrl = new Uri("https://coalition.example.org/portal?x=1") }));
    }

    [Fact]
    public void MailOptions_RefuseBadValues()
    {
        Assert.NotEmpty(Validate(new MailOptions { From = "not an address" }));
        Assert.NotEmpty(Validate(new MailOptions { SmtpPort = 0 }));
        Assert.NotEmpty(Validate(new MailOptions { SmtpUserName = "user" }));
    }

    [Fact]
    public async Task PickupFolder_WritesEachMessageAsAnEmlFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"coalition-mail-{Guid.NewGuid():N}");
        try
        {
            var environment = new Mock<IHostEnvironment>();
            environment.SetupGet(e => e.ContentRootPath).Returns(Path.GetTempPath());
            var sender = new PickupFolderMailSender(Microsoft.Extensions.Options.Options.Create(new MailOptions { PickupFolder = folder }), environment.Object, TimeProvider.System);
            var message = new MimeMessage { Subject = "Приглашение" };
            message.From.Add(MailboxAddress.Parse("portal@example.org"));
            message.To.Add(MailboxAddress.Parse("person@example.org"));
            message.Body = new TextPart("plain") { Text = "Ссылка: http://localhost/account/invitation" };

            await sender.SendAsync(message);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var read = await MimeMessage.LoadAsync(file);
            Assert.Equal("Приглашение", read.Subject);
            Assert.Contains("http://localhost/account/invitation", read.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static List<ValidationResult> ValidateSite(SiteOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
