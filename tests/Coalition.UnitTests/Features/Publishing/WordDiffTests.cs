using Coalition.Web.Features.Publishing;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class WordDiffTests
{
    private static string Render(WordDiffRow row) =>
        string.Concat(row.Pieces.Select(p => p.Kind switch
        {
            WordDiffKind.Added => $"[+{p.Text}]",
            WordDiffKind.Removed => $"[-{p.Text}]",
            _ => p.Text,
        }));

    [Fact]
    public void Compare_OneWordChangedInALine_MarksOnlyThatWord()
    {
        var rows = WordDiff.Compare("Kept line.\nThe court adjourned the hearing.", "Kept line.\nThe court postponed the hearing.");

        Assert.Equal([WordDiffKind.Same, WordDiffKind.Changed], rows.Select(r => r.Kind));
        Assert.Equal("The court [-adjourned][+postponed] the hearing.", Render(rows[1]));
    }

    [Fact]
    public void Compare_LinesAddedAndRemoved_AreWholeRows()
    {
        var rows = WordDiff.Compare("First.\nGone line.\nLast.", "First.\nLast.\nNew line.");

        Assert.Contains(rows, r => r.Kind == WordDiffKind.Removed && Render(r) == "[-Gone line.]");
        Assert.Contains(rows, r => r.Kind == WordDiffKind.Added && Render(r) == "[+New line.]");
        Assert.Equal(2, rows.Count(r => r.Kind == WordDiffKind.Same));
    }

    [Fact]
    public void Compare_SameText_HasOnlyUnchangedRows()
    {
        var rows = WordDiff.Compare("A\nB", "A\nB");

        Assert.All(rows, r => Assert.Equal(WordDiffKind.Same, r.Kind));
        Assert.Equal(["A", "B"], rows.Select(Render));
    }

    [Fact]
    public void Compare_NullBefore_IsAllAdded()
    {
        var rows = WordDiff.Compare(null, "Title");

        Assert.Equal("[+Title]", Render(Assert.Single(rows)));
    }
}
