using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.ViewComponents;

/// <summary>The EU funding acknowledgement: emblem, "Funded by the European Union" and the disclaimer link.</summary>
public sealed class EuFooterViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => View();
}
