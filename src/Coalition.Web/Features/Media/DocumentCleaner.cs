using Coalition.Web.Options;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Coalition.Web.Features.Media;

/// <summary>What cleaning removed, and what the editor should still know about the file.</summary>
public sealed record CleanedDocument(IReadOnlyList<string> Removed, IReadOnlyList<string> Warnings);

/// <summary>Warnings about what the server cannot clean for the editor.</summary>
public static class DocumentWarnings
{
    /// <summary>The document has comments or tracked changes, which carry their authors' names.</summary>
    public const string Comments = "comments";

    /// <summary>A ZIP's files are stored as they are: their own metadata is not removed.</summary>
    public const string ArchiveNotCleaned = "archive";
}

/// <summary>
/// Checks a document's structure and removes the properties that can name people: DOCX and XLSX core, app and custom
/// properties (Open XML SDK); the PDF info dictionary and XMP metadata (PDFsharp). ZIP archives are only checked.
/// </summary>
public sealed class DocumentCleaner(IOptions<MediaOptions> options)
{
    private static readonly string[] DangerousInArchive =
    [
        ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".hta",
        ".jar", ".sh", ".lnk", ".html", ".htm", ".xhtml", ".svg", ".svgz", ".docm", ".xlsm", ".pptm", ".dotm", ".xltm", ".apk",
        // Server-side scripts: harmless to a reader, but a web server that unpacks the archive would run them.
        ".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".asp", ".aspx", ".ashx", ".asmx", ".ascx", ".cshtml",
        ".vbhtml", ".jsp", ".jspx", ".war", ".cgi", ".pl", ".py", ".rb", ".bash", ".ksh", ".csh", ".zsh", ".psm1", ".htaccess",
    ];

    /// <summary>Writes the cleaned copy of <paramref name="upload"/> to <paramref name="outputPath"/>.</summary>
    public CleanedDocument Clean(Stream upload, MediaFormat format, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(format);
        upload.Position = 0;
        if (format == MediaFormats.Pdf)
        {
            return CleanPdf(upload, outputPath);
        }

        var settings = options.Value;
        var contents = ZipInspector.Inspect(upload, settings.MaxArchiveEntries, settings.MaxArchiveUnpackedBytes);
        if (contents.Names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                                    || n.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase)))
        {
            throw new MediaRejectedException(MediaProblem.Macros);
        }

        upload.Position = 0;
        using (var output = File.Create(outputPath))
        {
            upload.CopyTo(output);
        }

        if (format == MediaFormats.Zip)
        {
            var dangerous = contents.Names
                .Where(n => DangerousInArchive.Any(ext => n.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
                .Select(n => Path.GetFileName(n.Replace('\\', '/')))
                .Take(5)
                .ToList();
            if (dangerous.Count > 0)
            {
                throw new MediaRejectedException(MediaProblem.ArchiveDangerousEntry, string.Join(", ", dangerous));
            }

            return new CleanedDocument([], [DocumentWarnings.ArchiveNotCleaned]);
        }

        var required = format == MediaFormats.Docx ? "word/document.xml" : "xl/workbook.xml";
        if (!contents.Names.Contains("[Content_Types].xml", StringComparer.Ordinal) || !contents.Names.Contains(required, StringComparer.Ordinal))
        {
            throw new MediaRejectedException(MediaProblem.NotOfficeDocument, format.Label);
        }

        try
        {
            return CleanOffice(outputPath, format);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            throw new MediaRejectedException(MediaProblem.NotOfficeDocument, format.Label);
        }
    }

    private static CleanedDocument CleanOffice(string path, MediaFormat format)
    {
        var removed = new List<string>();
        var warnings = new List<string>();
        using OpenXmlPackage package = format == MediaFormats.Docx
            ? WordprocessingDocument.Open(path, isEditable: true)
            : SpreadsheetDocument.Open(path, isEditable: true);

        var core = package.PackageProperties;
        Clear(core.Creator, v => core.Creator = v, MetadataFields.Author, removed);
        Clear(core.LastModifiedBy, v => core.LastModifiedBy = v, MetadataFields.LastModifiedBy, removed);
        Clear(core.Title, v => core.Title = v, MetadataFields.Title, removed);
        Clear(core.Subject, v => core.Subject = v, MetadataFields.Subject, removed);
        Clear(core.Keywords, v => core.Keywords = v, MetadataFields.Keywords, removed);
        Clear(core.Description, v => core.Description = v, MetadataFields.Description, removed);
        Clear(core.Category, v => core.Category = v, MetadataFields.Category, removed);
        Clear(core.ContentStatus, v => core.ContentStatus = v, MetadataFields.OtherProperties, removed);
        Clear(core.Identifier, v => core.Identifier = v, MetadataFields.OtherProperties, removed);
        Clear(core.Version, v => core.Version = v, MetadataFields.OtherProperties, removed);
        if (core.LastPrinted is not null)
        {
            core.LastPrinted = null;
            removed.Add(MetadataFields.OtherProperties);
        }

        foreach (var app in package.GetPartsOfType<ExtendedFilePropertiesPart>())
        {
            var p = app.Properties;
            if (p is null)
            {
                continue;
            }

            if (p.Company is not null) { p.Company = null; removed.Add(MetadataFields.Company); }
            if (p.Manager is not null) { p.Manager = null; removed.Add(MetadataFields.Manager); }
            if (p.Template is not null) { p.Template = null; removed.Add(MetadataFields.Template); }
            if (p.HyperlinkBase is not null) { p.HyperlinkBase = null; removed.Add(MetadataFields.HyperlinkBase); }
            p.Save();
        }

        foreach (var custom in package.GetPartsOfType<CustomFilePropertiesPart>().ToList())
        {
            package.DeletePart(custom);
            removed.Add(MetadataFields.CustomProperties);
        }

        if (package is WordprocessingDocument word && word.MainDocumentPart is { } main)
        {
            if (main.WordprocessingPeoplePart is { } people)
            {
                main.DeletePart(people);
                removed.Add(MetadataFields.People);
            }

            if (main.WordprocessingCommentsPart is not null)
            {
                warnings.Add(DocumentWarnings.Comments);
            }
        }
        else if (package is SpreadsheetDocument sheet && sheet.WorkbookPart is { } workbook
                 && workbook.WorksheetParts.Any(w => w.WorksheetCommentsPart is not null))
        {
            warnings.Add(DocumentWarnings.Comments);
        }

        return new CleanedDocument(removed.Distinct().ToList(), warnings);
    }

    private static CleanedDocument CleanPdf(Stream upload, string outputPath)
    {
        var removed = new List<string>();
        PdfDocument pdf;
        try
        {
            pdf = PdfReader.Open(upload, PdfDocumentOpenMode.Modify);
        }
        catch (Exception ex) when (ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaRejectedException(MediaProblem.Encrypted);
        }
#pragma warning disable CA1031 // PDFsharp signals a broken file with many exception types; every one means "damaged".
        catch (Exception)
#pragma warning restore CA1031
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        using (pdf)
        {
            try
            {
                Strip(pdf, removed);
                // PDFsharp writes a complete new file, not an incremental update: the old dictionaries are not carried along.
                pdf.Save(outputPath);
            }
#pragma warning disable CA1031 // as above: a file PDFsharp cannot rewrite is a damaged file, not a server error.
            catch (Exception)
#pragma warning restore CA1031
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }
        }

        return new CleanedDocument(removed.Where(r => r.Length > 0).Distinct().ToList(), []);
    }

    private static void Strip(PdfDocument pdf, List<string> removed)
    {
        foreach (var key in pdf.Info.Elements.Keys.ToList())
        {
            removed.Add(key switch
            {
                "/Author" => MetadataFields.Author,
                "/Creator" or "/Producer" => MetadataFields.Software,
                "/Title" => MetadataFields.Title,
                "/Subject" => MetadataFields.Subject,
                "/Keywords" => MetadataFields.Keywords,
                "/CreationDate" or "/ModDate" => "",
                _ => MetadataFields.OtherProperties,
            });
            pdf.Info.Elements.Remove(key);
        }

        if (pdf.Internals.Catalog.Elements.Remove("/Metadata"))
        {
            removed.Add(MetadataFields.Xmp);
        }

        foreach (var page in pdf.Pages)
        {
            if (page.Elements.Remove("/Metadata") | page.Elements.Remove("/PieceInfo"))
            {
                removed.Add(MetadataFields.Xmp);
            }
        }

        if (StripActive(pdf))
        {
            removed.Add(MetadataFields.Scripts);
        }
    }

    /// <summary>Keys that run something: document JavaScript, actions on opening, on events (/AA), and launching programs.</summary>
    private static readonly string[] ActiveKeys = ["/JavaScript", "/JS", "/OpenAction", "/AA"];

    /// <summary>What a /Launch action would start, per platform.</summary>
    private static readonly string[] LaunchKeys = ["/F", "/Win", "/Mac", "/Unix"];

    /// <summary>
    /// Removes JavaScript and automatic actions from every dictionary of the file (catalog, names tree, pages,
    /// annotations, form fields): a PDF reader in a browser or on a phone would run them. A /Launch action loses what it
    /// would launch. True when anything was removed.
    /// </summary>
    private static bool StripActive(PdfDocument pdf)
    {
        var any = false;
        var dictionaries = new List<PdfDictionary>();
        var seen = new HashSet<PdfItem>(ReferenceEqualityComparer.Instance);
        foreach (var root in pdf.Internals.GetAllObjects().Prepend(pdf.Internals.Catalog))
        {
            Collect(root, dictionaries, seen);
        }

        foreach (var dictionary in dictionaries)
        {
            foreach (var key in ActiveKeys)
            {
                any |= dictionary.Elements.Remove(key);
            }

            if (dictionary.Elements.GetName("/S") is "/Launch" or "/JavaScript")
            {
                foreach (var key in LaunchKeys)
                {
                    any |= dictionary.Elements.Remove(key);
                }

                dictionary.Elements.SetName("/S", "/GoTo");
                any = true;
            }
        }

        return any;
    }

    /// <summary>The dictionary or array and every dictionary written inside it (not behind references: those are objects of their own).</summary>
    private static void Collect(PdfItem item, List<PdfDictionary> found, HashSet<PdfItem> seen)
    {
        if (!seen.Add(item))
        {
            return;
        }

        switch (item)
        {
            case PdfDictionary dictionary:
                found.Add(dictionary);
                foreach (var value in dictionary.Elements.Values)
                {
                    if (value is PdfDictionary or PdfArray)
                    {
                        Collect(value, found, seen);
                    }
                }

                break;
            case PdfArray array:
                foreach (var value in array.Elements)
                {
                    if (value is PdfDictionary or PdfArray)
                    {
                        Collect(value, found, seen);
                    }
                }

                break;
        }
    }

    private static void Clear(string? value, Action<string?> set, string code, List<string> removed)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            removed.Add(code);
        }

        if (value is not null)
        {
            set(null);
        }
    }
}
