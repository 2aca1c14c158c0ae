using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.ViewComponents;

/// <summary>The cover field of the edit form: a plain select of library images (works without JavaScript) and the current cover.</summary>
public sealed class CoverPickerViewComponent(MediaQueries media) : ViewComponent
{
    /// <param name="name">The form field, for example <c>Fields.CoverMediaId</c>.</param>
    public async Task<IViewComponentResult> InvokeAsync(int? selected, string culture, string name = "Fields.CoverMediaId") =>
        View(new CoverPickerViewModel(selected, culture, await media.CoverChoicesAsync(selected, culture, HttpContext.RequestAborted)) { Name = name });
}

public sealed record CoverPickerViewModel(int? Selected, string Culture, IReadOnlyList<CoverChoice> Choices)
{
    public string Name { get; init; } = "Fields.CoverMediaId";

    public string FieldId => Name.Replace('.', '_');

    public CoverChoice? Current => Choices.FirstOrDefault(c => c.Id == Selected);
}
