using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

[Route("admin/news")]
public sealed class NewsController(ContentAdminServices<NewsArticle> services) : ContentAdminController<NewsArticle>(services)
{
    protected override ContentTypeInfo Info => new("News", Text["News"], Text["Article"], CanCreate: true, SlugEditable: true, HasCover: true);

    protected override ContentTypeDescriptor Descriptor => ContentTypes.News;
}
