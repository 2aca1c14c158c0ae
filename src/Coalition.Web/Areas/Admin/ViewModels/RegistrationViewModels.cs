using System.ComponentModel.DataAnnotations;
using Coalition.Web.Features.Events;

namespace Coalition.Web.Areas.Admin.ViewModels;

public sealed record RegistrationOverviewViewModel(IReadOnlyList<RegistrationOverviewRow> Events);

public sealed record RegistrationListViewModel(RegistrationList List, MessageForm Message);

/// <summary>A message from staff to every confirmed participant.</summary>
public sealed class MessageForm
{
    [Display(Name = "Subject line")]
    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Subject { get; set; }

    [Display(Name = "Message")]
    [Required(ErrorMessage = "Write the message.")]
    [StringLength(5000, ErrorMessage = "At most {1} characters.")]
    public string? Body { get; set; }
}
