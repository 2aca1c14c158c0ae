using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>About, Contacts and the EU disclaimer: fixed addresses, so no create, delete or slug editing.</summary>
[Route("admin/pages")]
public sealed class PagesController(
    ContentEditor<Page> editor,
    ContentAdminQueries queries,
    IStringLocalizer<SharedResource> t,
    TimeProvider clock) : ContentAdminController<Page>(editor, queries, t, clock)
{
    protected override ContentTypeInfo Info => new("Pages", Text["Pages"], Text["Page"], CanCreate: false, SlugEditable: false);

    protected override string PublicPath(string culture, string slug) => $"/{culture}/{slug}";
}
