using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Coalition.Web.Features.Publishing;

/// <summary>A readable, line-by-line comparison of two texts (DiffPlex), for the revision history.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<DiffLine> Compare(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false);
        return model.Lines.Select(l => new DiffLine(
            l.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                ChangeType.Modified => DiffKind.Added,
                _ => DiffKind.Same,
            },
            l.Text)).ToList();
    }
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);
