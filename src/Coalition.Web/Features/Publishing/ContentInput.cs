namespace Coalition.Web.Features.Publishing;

/// <summary>What an editor submits for any content type.</summary>
public sealed record ContentInput(
    string Culture,
    string Title,
    string? Slug,
    string? Summary,
    string Body,
    int Version,
    int? CoverMediaId = null);

public enum SaveOutcome
{
    Saved,
    NotFound,
    SlugTaken,
    InvalidSlug,
    CultureTaken,
    Conflict,
    InvalidCover,
    CoverWithoutAlt,
    ImageWithoutAlt,
}

public sealed record SaveResult(SaveOutcome Outcome, int Id = 0)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;
}
