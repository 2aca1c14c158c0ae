namespace Coalition.Web.ViewModels.Shared;

public sealed record ErrorViewModel(int StatusCode);
