namespace Coalition.Web.ViewModels.Pages;

public sealed record PageViewModel(string Key, string Title, string BodyHtml, bool Untranslated);
