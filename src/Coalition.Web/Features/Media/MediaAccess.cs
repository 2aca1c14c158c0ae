using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Coalition.Web.Features.Media;

/// <summary>
/// One way, besides being public, for a request to see a media file. Staff (<see cref="StaffMediaGrant"/>) and people
/// holding a share link (<see cref="ItemMediaGrants"/>) have one now; the press room's embargo access links register
/// another <see cref="IMediaAccessGrant"/> (or call <see cref="ItemMediaGrants.Grant"/>) and nothing else changes.
/// </summary>
public interface IMediaAccessGrant
{
    Task<bool> AllowsAsync(HttpContext http, MediaItem item, CancellationToken ct);
}

public enum MediaVisibility
{
    /// <summary>A published item uses the file: anyone, and caches, may have it.</summary>
    Public,

    /// <summary>Not public, but this request holds a grant: served, never stored by a shared cache.</summary>
    Granted,

    /// <summary>Answered as if the file did not exist.</summary>
    Hidden,
}

/// <summary>
/// A media file is public only while an item the public can see uses it (as its cover or in its text). Until then,
/// and again after unpublishing, only a grant opens it: a draft's or an embargoed release's files stay private even
/// to someone who guessed or kept their address.
/// </summary>
public sealed class MediaAccess(MediaUsage usage, IEnumerable<IMediaAccessGrant> grants, TimeProvider clock)
{
    public async Task<MediaVisibility> CheckAsync(HttpContext http, MediaItem item, CancellationToken ct = default)
    {
        if (await usage.IsUsedPubliclyAsync(item, clock.GetUtcNow().UtcDateTime, ct))
        {
            return MediaVisibility.Public;
        }

        foreach (var grant in grants)
        {
            if (await grant.AllowsAsync(http, item, ct))
            {
                return MediaVisibility.Granted;
            }
        }

        return MediaVisibility.Hidden;
    }
}

/// <summary>Signed-in staff see every file, as the admin area and its previews need.</summary>
public sealed class StaffMediaGrant(IAuthorizationService authorization) : IMediaAccessGrant
{
    public async Task<bool> AllowsAsync(HttpContext http, MediaItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(http.User, Policies.Staff)).Succeeded;
    }
}
