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
    ContentFields? Fields = null,
    bool Confirmed = false);

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
    InvalidMedia,
    MediaWithoutAlt,
    ImageWithoutAlt,
    ReservedSlug,

    /// <summary>A link in the text with a scheme other than https or mailto: <see cref="SaveResult.Detail"/> names it.</summary>
    InsecureLink,

    /// <summary>A type's own field was refused: <see cref="SaveResult.Field"/> and <see cref="SaveResult.Detail"/> say which and why.</summary>
    InvalidField,

    /// <summary>Publishing a translation whose title and text are still the original's: the editor must confirm.</summary>
    UntranslatedText,

    /// <summary>The type's definition asks the editor to confirm (<see cref="SaveResult.Detail"/> says what); nothing was saved.</summary>
    NeedsConfirmation,
}

/// <param name="Field">For a refused field: its form name (for example <c>Fields.CoverMediaId</c>).</param>
/// <param name="Detail">What to show with the message: the refused link, or a field's message key.</param>
public sealed record SaveResult(SaveOutcome Outcome, int Id = 0, string? Field = null, string? Detail = null)
{
    public bool Succeeded => Outcome == SaveOutcome.Saved;
}

/// <summary>The text an editor works on: the pending changes of a published item, or the item itself, with the type's own fields.</summary>
public sealed record WorkingCopy(string Title, string Slug, string? Summary, string Body, ContentFields Fields);
