using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Mirror;

/// <summary>
/// Writes the public site as static files, by crawling the running app as an anonymous visitor from the home pages of
/// the three languages and following every same-origin link (pages, paged lists, media, styles, feeds, sitemaps). So
/// a new content type is mirrored with no change here. A response marked <c>noindex</c> (the staff area, sign-in,
/// previews) is left out, and links to it go to the live site. Pages land as <c>ru/news/slug/index.html</c>, every
/// link is rewritten relative to its file (so the folder works on any static server, under any path, even from disk),
/// forms become a notice in the page's language, and a second run writes only the files whose bytes changed and
/// deletes those the site no longer has.
/// </summary>
public sealed partial class MirrorExporter(IStringLocalizer<SharedResource> localizer, IOptions<SiteOptions> options)
{
    public const string ManifestName = ".mirror-files.json";
    private const int ProgressEvery = 25;
    private static readonly string[] StartPaths = ["/", "/ru", "/tg", "/en", "/robots.txt", "/sitemap.xml"];

    /// <param name="client">Reaches the app as an anonymous visitor (no cookies, no automatic redirects); its
    /// <see cref="HttpClient.BaseAddress"/> is the origin that links are recognised by.</param>
    /// <param name="mirrorBaseUrl">Where the mirror will be served, for sitemaps and feeds (which need absolute addresses); null: root-relative.</param>
    public async Task<MirrorResult> ExportAsync(HttpClient client, string folder, Uri? mirrorBaseUrl, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(output);
        var watch = Stopwatch.StartNew();
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var crawl = new Crawl(client.BaseAddress!, options.Value.PublicBaseUrl, folder);
        foreach (var path in StartPaths)
        {
            crawl.Enqueue(path, optional: path.Contains('.', StringComparison.Ordinal));
        }

        while (crawl.Next() is { } url)
        {
            await FetchAsync(client, crawl, url, ct);
            if (crawl.Resources.Count % ProgressEvery == 0)
            {
                await output.WriteLineAsync(FormattableString.Invariant($"mirror: {crawl.Resources.Count} addresses fetched, {crawl.Pending} to go"));
            }
        }

        var previous = await ReadManifestAsync(folder, ct);
        var written = 0;
        var unchanged = 0;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resource in crawl.Resources.Values.Where(r => r.File is not null))
        {
            if (files.Contains(resource.File!))
            {
                continue; // "/css/site.css?v=…" and "/css/site.css" are one file
            }

            var bytes = Render(crawl, resource, mirrorBaseUrl);
            if (bytes is null)
            {
                continue;
            }

            files.Add(resource.File!);
            if (await WriteIfChangedAsync(Path.Combine(folder, resource.File!), bytes, ct))
            {
                written++;
            }
            else
            {
                unchanged++;
            }
        }

        if (!crawl.Resources.Values.Any(r => r.File == "robots.txt"))
        {
            files.Add("robots.txt");
            var robots = "User-agent: *\nAllow: /\n" + (mirrorBaseUrl is not null && files.Contains("sitemap.xml") ? $"Sitemap: {new Uri(mirrorBaseUrl, "sitemap.xml")}\n" : "");
            if (await WriteIfChangedAsync(Path.Combine(folder, "robots.txt"), Encoding.UTF8.GetBytes(robots), ct))
            {
                written++;
            }
            else
            {
                unchanged++;
            }
        }

        var removed = 0;
        foreach (var stale in previous.Where(f => !files.Contains(f)))
        {
            var path = Path.Combine(folder, stale);
            if (File.Exists(path))
            {
                File.Delete(path);
                removed++;
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(files), ct);
        foreach (var broken in crawl.Resources.Values.Where(r => r.Kind == Kind.Missing && !r.Optional).Select(r => r.Key).Order(StringComparer.Ordinal))
        {
            // A page of the live site links to an address that fails: the operator fixes it on the live site.
            await output.WriteLineAsync("broken: " + broken);
        }

        var result = new MirrorResult(
            crawl.Resources.Values.Count(r => r.Kind == Kind.Html && r.File is not null),
            files.Count, written, unchanged, removed, crawl.Resources.Values.Count(r => r.Kind == Kind.Missing && !r.Optional));
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Mirror complete in {watch.Elapsed.TotalSeconds:0.0} s: {result.Pages} pages, {result.Files} files ({result.Written} written, {result.Unchanged} unchanged, {result.Removed} removed), {result.Missing} broken addresses; {folder}"));
        return result;
    }

    private static async Task FetchAsync(HttpClient client, Crawl crawl, Resource resource, CancellationToken ct)
    {
        // Media names are never reused for other bytes: a file already mirrored need not be fetched again.
        if (resource.Path.StartsWith("/media/", StringComparison.Ordinal) && Crawl.FileOf(resource.Path, "", Kind.Binary) is { } media
            && File.Exists(Path.Combine(crawl.Folder, media)))
        {
            resource.Kind = Kind.Binary;
            resource.File = media;
            resource.Body = await File.ReadAllBytesAsync(Path.Combine(crawl.Folder, media), ct);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(resource.Key, UriKind.Relative));
        using var response = await client.SendAsync(request, ct);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            resource.Kind = Kind.Redirect;
            var target = new Uri(new Uri(crawl.Origin, resource.Key), location);
            resource.RedirectTo = crawl.Enqueue(target.ToString(), optional: false) ?? target.ToString();
            resource.File = resource.Query.Length == 0 ? Crawl.FileOf(resource.Path, "", Kind.Html) : null;
            return;
        }

        if (status != 200 || IsNoIndex(response.Headers))
        {
            resource.Kind = status == 200 ? Kind.Excluded : Kind.Missing;
            return;
        }

        var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        resource.Body = await response.Content.ReadAsByteArrayAsync(ct);
        resource.Kind = type switch
        {
            "text/html" => Kind.Html,
            "text/css" => Kind.Css,
            "application/xml" or "text/xml" or "application/rss+xml" or "application/atom+xml" => Kind.Xml,
            "text/plain" when resource.Path == "/robots.txt" => Kind.Robots,
            _ => Kind.Binary,
        };
        if (resource.Kind == Kind.Html && MetaNoIndex().IsMatch(Encoding.UTF8.GetString(resource.Body)))
        {
            resource.Kind = Kind.Excluded;
            resource.Body = null;
            return;
        }

        resource.File = Crawl.FileOf(resource.Path, resource.Query, resource.Kind, type);
        foreach (var link in LinksIn(resource))
        {
            crawl.Enqueue(new Uri(new Uri(crawl.Origin, resource.Key), link).ToString(), optional: false);
        }
    }

    private static bool IsNoIndex(System.Net.Http.Headers.HttpResponseHeaders headers) =>
        headers.TryGetValues("X-Robots-Tag", out var values) && values.Any(v => v.Contains("noindex", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> LinksIn(Resource resource)
    {
        var text = Encoding.UTF8.GetString(resource.Body!);
        return resource.Kind switch
        {
            Kind.Html => LinksInHtml(Form().Replace(text, "")),
            Kind.Css => CssUrl().Matches(text).Select(m => m.Groups["url"].Value),
            Kind.Xml or Kind.Robots => AbsoluteUrl().Matches(text).Select(m => WebUtility.HtmlDecode(m.Value)),
            _ => [],
        };
    }

    private static IEnumerable<string> LinksInHtml(string html)
    {
        foreach (Match m in Attribute().Matches(html))
        {
            var value = WebUtility.HtmlDecode(m.Groups["value"].Value);
            if (m.Groups["name"].Value.Equals("srcset", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return candidate.Split(' ', 2)[0];
                }
            }
            else if (!m.Groups["name"].Value.Equals("content", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http", StringComparison.Ordinal))
            {
                yield return value;
            }
        }
    }

    /// <summary>The bytes to write for <paramref name="resource"/>, with every link rewritten; null when there is nothing to write.</summary>
    private byte[]? Render(Crawl crawl, Resource resource, Uri? mirrorBaseUrl)
    {
        switch (resource.Kind)
        {
            case Kind.Redirect:
                var target = crawl.Resolve(resource.RedirectTo!, resource.File!, out _);
                return target is null ? null : Encoding.UTF8.GetBytes(
                    $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url={WebUtility.HtmlEncode(target)}\"><title>…</title></head>\n<body><p><a href=\"{WebUtility.HtmlEncode(target)}\">{WebUtility.HtmlEncode(target)}</a></p></body></html>\n");
            case Kind.Html:
                return Encoding.UTF8.GetBytes(RewriteHtml(crawl, resource, Encoding.UTF8.GetString(resource.Body!)));
            case Kind.Css:
                return Encoding.UTF8.GetBytes(CssUrl().Replace(Encoding.UTF8.GetString(resource.Body!), m =>
                    crawl.Resolve(m.Groups["url"].Value, resource.File!, out _, resource.Key) is { } local ? $"url(\"{local}\")" : m.Value));
            case Kind.Xml:
            case Kind.Robots:
                return Encoding.UTF8.GetBytes(AbsoluteUrl().Replace(Encoding.UTF8.GetString(resource.Body!), m =>
                {
                    var file = crawl.FileFor(WebUtility.HtmlDecode(m.Value));
                    if (file is null)
                    {
                        return m.Value;
                    }

                    var path = file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file;
                    return mirrorBaseUrl is null ? "/" + path : new Uri(mirrorBaseUrl, path).ToString();
                }));
            case Kind.Binary:
                return resource.Body;
            default:
                return null;
        }
    }

    private string RewriteHtml(Crawl crawl, Resource resource, string html)
    {
        var culture = HtmlLang().Match(html) is { Success: true } lang ? lang.Groups["lang"].Value : "ru";
        var live = options.Value.PublicBaseUrl;
        html = Attribute().Replace(html, m =>
        {
            var name = m.Groups["name"].Value;
            var value = WebUtility.HtmlDecode(m.Groups["value"].Value);
            string? rewritten;
            if (name.Equals("srcset", StringComparison.OrdinalIgnoreCase))
            {
                rewritten = string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c =>
                {
                    var parts = c.Split(' ', 2);
                    return (crawl.Resolve(parts[0], resource.File!, out _, resource.Key) ?? parts[0]) + (parts.Length > 1 ? " " + parts[1] : "");
                }));
            }
            else if (name.Equals("content", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("http", StringComparison.Ordinal))
            {
                return m.Value;
            }
            else
            {
                rewritten = crawl.Resolve(value, resource.File!, out var excludedKey, resource.Key);
                if (rewritten is null && excludedKey is not null)
                {
                    // A page the mirror leaves out (sign-in): to the live site when its address is known.
                    rewritten = live is null ? "#" : new Uri(live, excludedKey).ToString();
                }
            }

            return rewritten is null ? m.Value : $"{m.Groups["lead"].Value}{name}=\"{WebUtility.HtmlEncode(rewritten)}\"";
        });

        // After the links: the notice's own link goes to the live site on purpose.
        return Form().Replace(html, _ => Notice(culture, live));
    }

    private string Notice(string culture, Uri? live)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            if (live is null)
            {
                return $"<p class=\"mirror-notice\" role=\"note\">{WebUtility.HtmlEncode(localizer["This is a mirror of the site: forms do not work here."])}</p>";
            }

            var link = $"<a class=\"mirror-live\" href=\"{WebUtility.HtmlEncode(live.ToString())}\">{WebUtility.HtmlEncode(live.Host)}</a>";
            var format = WebUtility.HtmlEncode(localizer["This is a mirror of the site: forms do not work here. The live site is at {0}."].Value);
            return $"<p class=\"mirror-notice\" role=\"note\">{string.Format(CultureInfo.InvariantCulture, format, link)}</p>";
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static async Task<bool> WriteIfChangedAsync(string path, byte[] bytes, CancellationToken ct)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length
            && SHA256.HashData(await File.ReadAllBytesAsync(path, ct)).AsSpan().SequenceEqual(SHA256.HashData(bytes)))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".part";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true); // a static server reading meanwhile sees the old file or the new one
        return true;
    }

    private static async Task<IReadOnlyList<string>> ReadManifestAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, ManifestName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(await File.ReadAllTextAsync(path, ct)) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    [GeneratedRegex("""(?<lead>\s)(?<name>href|src|srcset|poster|content)="(?<value>[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    [GeneratedRegex("<form\\b[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("""<html[^>]*\slang="(?<lang>[a-z]{2})""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();

    [GeneratedRegex("""<meta\s+name="robots"\s+content="[^"]*noindex""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaNoIndex();

    [GeneratedRegex("""url\(\s*["']?(?<url>[^"')]+)["']?\s*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex AbsoluteUrl();

    internal enum Kind
    {
        Pending,
        Html,
        Css,
        Xml,
        Robots,
        Binary,
        Redirect,
        Excluded,
        Missing,
    }

    internal sealed class Resource(string key, bool optional)
    {
        public string Key { get; } = key;
        public string Path => Key.Split('?', 2)[0];
        public string Query => Key.Contains('?', StringComparison.Ordinal) ? Key.Split('?', 2)[1] : "";
        public bool Optional { get; set; } = optional;
        public Kind Kind { get; set; }
        public byte[]? Body { get; set; }
        public string? File { get; set; }
        public string? RedirectTo { get; set; }
    }

    /// <summary>What the crawl has found: one <see cref="Resource"/> per same-origin address (path and query).</summary>
    internal sealed class Crawl(Uri origin, Uri? publicBase, string folder)
    {
        private readonly Queue<Resource> _queue = new();

        public Uri Origin { get; } = origin;
        public string Folder { get; } = folder;
        public Dictionary<string, Resource> Resources { get; } = new(StringComparer.Ordinal);
        public int Pending => _queue.Count;

        public Resource? Next() => _queue.TryDequeue(out var next) ? next : null;

        /// <summary>Adds a same-origin address to the crawl; returns its key, or null when it is not the site's.</summary>
        public string? Enqueue(string url, bool optional)
        {
            var key = KeyOf(url);
            if (key is null)
            {
                return null;
            }

            if (!Resources.TryGetValue(key, out var resource))
            {
                resource = new Resource(key, optional);
                Resources[key] = resource;
                _queue.Enqueue(resource);
            }
            else if (!optional)
            {
                resource.Optional = false;
            }

            return key;
        }

        /// <summary>"/ru/news?page=2" for a link to the site (relative, or absolute to the origin or the public address); null otherwise.</summary>
        public string? KeyOf(string url)
        {
            if (string.IsNullOrWhiteSpace(url) || url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal))
            {
                return null;
            }

            if (!Uri.TryCreate(Origin, url, out var absolute) || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps))
            {
                return null;
            }

            if (!SameSite(absolute))
            {
                return null;
            }

            var path = absolute.AbsolutePath;
            if (path.Length > 1 && path.EndsWith('/'))
            {
                path = path.TrimEnd('/'); // "/ru/" and "/ru" are one page
            }

            return path + absolute.Query;
        }

        private bool SameSite(Uri absolute) =>
            (absolute.Host.Equals(Origin.Host, StringComparison.OrdinalIgnoreCase) && absolute.Port == Origin.Port)
            || (publicBase is not null && absolute.Host.Equals(publicBase.Host, StringComparison.OrdinalIgnoreCase));

        /// <summary>The mirror file that <paramref name="url"/> ends up as (through redirects), or null.</summary>
        public string? FileFor(string url)
        {
            var key = KeyOf(url);
            for (var hops = 0; key is not null && hops < 10 && Resources.TryGetValue(key, out var resource); hops++)
            {
                if (resource.Kind == Kind.Redirect && resource.RedirectTo is { } next && Resources.ContainsKey(next))
                {
                    key = next;
                    continue;
                }

                return resource.Kind is Kind.Excluded or Kind.Missing or Kind.Pending ? null : resource.File;
            }

            return null;
        }

        /// <summary>
        /// <paramref name="url"/> as a link relative to <paramref name="fromFile"/> (fragment kept); null when it is not a
        /// mirrored address. <paramref name="excludedKey"/> is set when it is an address of the site that the mirror leaves out.
        /// </summary>
        public string? Resolve(string url, string fromFile, out string? excludedKey, string? baseKey = null)
        {
            excludedKey = null;
            var fragment = url.Contains('#', StringComparison.Ordinal) ? url[url.IndexOf('#', StringComparison.Ordinal)..] : "";
            if (url.StartsWith('#'))
            {
                return null;
            }

            var absolute = baseKey is null ? url : new Uri(new Uri(Origin, baseKey), url).ToString();
            var key = KeyOf(absolute);
            if (key is null)
            {
                return null;
            }

            var file = FileFor(absolute);
            if (file is null)
            {
                excludedKey = key;
                return null;
            }

            return Relative(fromFile, file) + fragment;
        }

        /// <summary>The path of a page, file or feed in the mirror, relative to its root, with forward slashes; null when unsafe.</summary>
        public static string? FileOf(string path, string query, Kind kind, string? contentType = null)
        {
            var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
            if (segments.Any(s => s is "." or ".." || s.IndexOfAny(['\\', '\0', ':']) >= 0 || s.StartsWith('.')))
            {
                return null;
            }

            if (kind is Kind.Html or Kind.Redirect)
            {
                if (query.Length > 0)
                {
                    // Static servers ignore query strings: "?page=2" becomes its own folder, "_page-2".
                    segments.Add("_" + string.Join("_", query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => SafeSegment().Replace(Uri.UnescapeDataString(p.Replace('+', ' ')).Replace('=', '-'), "-"))));
                }

                segments.Add("index.html");
                return string.Join('/', segments);
            }

            if (segments.Count == 0)
            {
                return null;
            }

            var last = segments[^1];
            if (!System.IO.Path.HasExtension(last))
            {
                segments[^1] = last + contentType switch
                {
                    "text/calendar" => ".ics",
                    "application/json" => ".json",
                    "text/plain" => ".txt",
                    _ when kind == Kind.Xml => ".xml",
                    _ when kind == Kind.Css => ".css",
                    _ => ".bin",
                };
            }

            return string.Join('/', segments);
        }

        private static string Relative(string fromFile, string toFile)
        {
            var from = fromFile.Split('/')[..^1];
            var to = toFile.Split('/');
            var common = 0;
            while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
            {
                common++;
            }

            var up = string.Concat(Enumerable.Repeat("../", from.Length - common));
            return up + string.Join('/', to[common..].Select(Uri.EscapeDataString));
        }
    }

    [GeneratedRegex("[^A-Za-z0-9-]+")]
    private static partial Regex SafeSegment();
}

/// <param name="Missing">Addresses that pages link to but the site answers with an error: broken links of the live site too.</param>
public sealed record MirrorResult(int Pages, int Files, int Written, int Unchanged, int Removed, int Missing);
