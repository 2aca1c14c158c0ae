using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Coalition.Web.Infrastructure;

/// <summary>
/// Redirect targets go into the Location header, which takes ASCII only: a local return URL such as <c>/ru/т</c>
/// made Kestrel throw after the sign-in had already used up the code. Every local redirect is percent-encoded here,
/// once, instead of at each call.
/// </summary>
public static class SafeRedirects
{
    /// <summary>The URL with every non-ASCII and control character percent-encoded as UTF-8; ASCII stays as it is.</summary>
    public static string EncodeForHeader(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.All(c => c is > ' ' and < (char)0x7f))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var n = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..n])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

/// <summary>MVC's local-redirect executor, with <see cref="SafeRedirects.EncodeForHeader"/> first.</summary>
public sealed class HeaderSafeLocalRedirectExecutor(ILoggerFactory loggerFactory, IUrlHelperFactory urlHelperFactory)
    : LocalRedirectResultExecutor(loggerFactory, urlHelperFactory)
{
    public override Task ExecuteAsync(ActionContext context, LocalRedirectResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Url = SafeRedirects.EncodeForHeader(result.Url);
        return base.ExecuteAsync(context, result);
    }
}

/// <summary>MVC's redirect executor, with <see cref="SafeRedirects.EncodeForHeader"/> first.</summary>
public sealed class HeaderSafeRedirectExecutor(ILoggerFactory loggerFactory, IUrlHelperFactory urlHelperFactory)
    : RedirectResultExecutor(loggerFactory, urlHelperFactory)
{
    public override Task ExecuteAsync(ActionContext context, RedirectResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Url = SafeRedirects.EncodeForHeader(result.Url);
        return base.ExecuteAsync(context, result);
    }
}
