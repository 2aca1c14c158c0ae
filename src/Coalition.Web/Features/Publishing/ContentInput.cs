namespace Coalition.Web.Features.Publishing;

/// <summary>What an editor submits for any content type. Times are UTC.</summary>
public sealed record ContentInput(
    string Culture,
    string Title,
    string? Slug,
    string? Summary,
    string Body,
    int Version,
    DateTime? PublishAtUtc = null,
    DateTime? UnpublishAtUtc = null,
    int? CoverMediaId = null);

/// <summary>What the editor asked a save to do.</summary>
public enum SaveAction
{
    /// <summary>Keep it a draft; on a published item, save the changes without showing them to the public.</summary>
    Draft,

    /// <summary>Show it to the public now.</summary>
    Publish,

    /// <summary>Show it to the public at <see cref="ContentInput.PublishAtUtc"/>.</summary>
    Schedule,
}

public enum SaveOutcome
{
    Saved,
    NotFound,
    SlugTaken,
    InvalidSlug,
    CultureTaken,
    Conflict,
    ScheduleInPast,
    UnpublishBeforePublish,
    InvalidCover,
    CoverWithoutAlt,
    ImageWithoutAlt,
}

public sealed record SaveResult(SaveOutcome Outcome, int Id = 0)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;
}

/// <summary>The text an editor works on: the pending changes of a published item, or the item itself.</summary>
public sealed record WorkingCopy(string Title, string Slug, string? Summary, string Body, int? CoverMediaId = null);
