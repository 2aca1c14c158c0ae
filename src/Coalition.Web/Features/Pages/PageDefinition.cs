using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Pages;

namespace Coalition.Web.Features.Pages;

/// <summary>
/// Pages at <c>/{culture}/{slug}</c>: the fixed ones (About, Contacts, the EU disclaimer), which exist from the first
/// start in every language, and any further page staff create.
/// </summary>
public sealed class PageDefinition : ContentDefinition<Page, NoFields>
{
    public override string AdminSegment => "pages";
    public override string PluralName => "Pages";
    public override string SingularName => "Page";
    public override int MenuOrder => 90;
    public override string SectionPath => "";
    public override string PublicView => "~/Views/Pages/Show.cshtml";
    public override IReadOnlyList<string> FixedSlugs => PageKeys.All;
    public override IReadOnlyList<StarterText> StarterContent => [.. StarterPages.All, .. LegalAid.LegalAidStarterText.StarterContent];

    protected override NoFields Read(Page item) => new();

    protected override void Apply(Page item, NoFields fields)
    {
    }

    protected override Task<object> PublicModelAsync(Page item, IServiceProvider services, CancellationToken ct) =>
        Task.FromResult<object>(new PageViewModel(item.Slug, item.Title, item.BodyHtml, Untranslated: false));
}
