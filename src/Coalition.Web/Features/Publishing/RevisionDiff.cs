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

/// <summary>
/// A comparison for people: whole lines that were added or removed, and within a changed line the words that
/// changed (DiffPlex side by side, word pieces). The view folds long runs of unchanged lines.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<WordDiffRow> Compare(string? before, string? after)
    {
        var model = DiffPlex.DiffBuilder.SideBySideDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false);
        var rows = new List<WordDiffRow>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var now = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            if (old?.Type == ChangeType.Modified || now?.Type == ChangeType.Modified)
            {
                rows.Add(new WordDiffRow(WordDiffKind.Changed, Pieces(old!, now!)));
                continue;
            }

            if (old is { Type: ChangeType.Deleted })
            {
                rows.Add(new WordDiffRow(WordDiffKind.Removed, [new WordPiece(WordDiffKind.Removed, old.Text ?? "")]));
            }

            if (now is { Type: ChangeType.Inserted })
            {
                rows.Add(new WordDiffRow(WordDiffKind.Added, [new WordPiece(WordDiffKind.Added, now.Text ?? "")]));
            }
            else if (now is { Type: ChangeType.Unchanged })
            {
                rows.Add(new WordDiffRow(WordDiffKind.Same, [new WordPiece(WordDiffKind.Same, now.Text ?? "")]));
            }
        }

        return rows;
    }

    private static List<WordPiece> Pieces(DiffPiece old, DiffPiece now)
    {
        var pieces = new List<WordPiece>();
        for (var j = 0; j < Math.Max(old.SubPieces.Count, now.SubPieces.Count); j++)
        {
            var o = j < old.SubPieces.Count ? old.SubPieces[j] : null;
            var n = j < now.SubPieces.Count ? now.SubPieces[j] : null;
            if (o is { Type: ChangeType.Unchanged } && n is { Type: ChangeType.Unchanged })
            {
                Add(pieces, WordDiffKind.Same, n.Text);
                continue;
            }

            if (o is { Type: ChangeType.Deleted or ChangeType.Modified })
            {
                Add(pieces, WordDiffKind.Removed, o.Text);
            }

            if (n is { Type: ChangeType.Inserted or ChangeType.Modified })
            {
                Add(pieces, WordDiffKind.Added, n.Text);
            }
        }

        return pieces;
    }

    // Neighbouring pieces of one kind are joined, so that "<del>a</del><del> </del><del>b</del>" reads as one change.
    private static void Add(List<WordPiece> pieces, WordDiffKind kind, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new WordPiece(kind, text));
        }
    }
}

public enum WordDiffKind
{
    Same,
    Added,
    Removed,
    Changed,
}

public sealed record WordPiece(WordDiffKind Kind, string Text);

public sealed record WordDiffRow(WordDiffKind Kind, IReadOnlyList<WordPiece> Pieces);
