using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>About, Contacts and the EU disclaimer: fixed addresses, so no create, trash or slug editing.</summary>
[Route("admin/pages")]
public sealed class PagesController(ContentAdminServices<Page> services) : ContentAdminController<Page>(services)
{
    protected override ContentTypeInfo Info => new("Pages", Text["Pages"], Text["Page"], CanCreate: false, SlugEditable: false);

    protected override ContentTypeDescriptor Descriptor => ContentTypes.Pages;
}
