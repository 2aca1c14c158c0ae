using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

[Route("admin/news")]
public sealed class NewsController(
    ContentEditor<NewsArticle> editor,
    ContentAdminQueries queries,
    IStringLocalizer<SharedResource> t,
    TimeProvider clock) : ContentAdminController<NewsArticle>(editor, queries, t, clock)
{
    protected override ContentTypeInfo Info => new("News", Text["News"], Text["Article"], CanCreate: true, SlugEditable: true, HasCover: true);

    protected override string PublicPath(string culture, string slug) => $"/{culture}/news/{slug}";
}
