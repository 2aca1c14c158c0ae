namespace Coalition.Web.Features.Media;

/// <summary>Why an upload was refused. Each has one message in the editor's language (<see cref="MediaMessages"/>).</summary>
public enum MediaProblem
{
    NoFile,
    Empty,
    NotAllowedType,
    Svg,
    Html,
    Executable,
    SignatureMismatch,
    TooLarge,
    TooManyPixels,
    Damaged,
    Encrypted,
    ArchiveTooManyEntries,
    ArchiveTooLarge,
    ArchiveUnsafeName,
    ArchiveDangerousEntry,
    Macros,
    NotOfficeDocument,
    AltTextMissing,
}

/// <summary>A refused upload: the problem and the values its message names.</summary>
public sealed record MediaRejection(MediaProblem Problem, params object[] Args);

/// <summary>Thrown inside the pipeline and turned into a <see cref="MediaRejection"/> at its edge.</summary>
public sealed class MediaRejectedException(MediaRejection rejection) : Exception(rejection?.Problem.ToString())
{
    public MediaRejection Rejection { get; } = rejection ?? throw new ArgumentNullException(nameof(rejection));

    public MediaRejectedException(MediaProblem problem, params object[] args)
        : this(new MediaRejection(problem, args))
    {
    }
}
