using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Jobs;

/// <summary>
/// Makes background work run once across all instances of the app, through leases in the database
/// (docs/decisions/0017-job-leases.md). A periodic job wraps its run in one call:
/// <code>await leases.RunOncePerPeriodAsync("trash-purge", TimeSpan.FromHours(1), ct => PurgeAsync(ct), stoppingToken);</code>
/// A one-time action (sending one e-mail) claims its key with <see cref="TryClaimAsync"/>.
/// </summary>
public sealed partial class JobLeases(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobLeases> logger)
{
    /// <summary>This instance, as written in <see cref="JobLease.Holder"/>: for diagnosis only.</summary>
    public static readonly string Instance = InstanceName();

    /// <summary>
    /// Runs <paramref name="work"/> if no instance has run job <paramref name="name"/> in the current period yet. Periods
    /// are fixed slots of UTC time (every full hour for one hour), so every instance agrees on them whenever its own
    /// timer ticks; the first instance in a slot runs the job, the others skip it. A run that fails is not repeated in
    /// its slot: the next slot tries again. Returns whether this instance ran it.
    /// </summary>
    public async Task<bool> RunOncePerPeriodAsync(string name, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var now = clock.GetUtcNow().UtcDateTime;
        var slotEnd = new DateTime(((now.Ticks / period.Ticks) + 1) * period.Ticks, DateTimeKind.Utc);
        if (!await TryAcquireAsync(name, slotEnd, ct))
        {
            LogSkipped(logger, name);
            return false;
        }

        await work(ct);
        return true;
    }

    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="keep"/>: true for exactly one caller across all instances while
    /// the claim lasts. Keys of any length and content are hashed, so no address or other data lands in the table.
    /// </summary>
    public Task<bool> TryClaimAsync(string prefix, string key, TimeSpan keep, CancellationToken ct = default) =>
        TryAcquireAsync(ClaimName(prefix, key), clock.GetUtcNow().UtcDateTime + keep, ct);

    /// <summary>Deletes expired leases whose names start with <paramref name="prefix"/> (used-up claims); returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(string prefix, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.JobLeases.Where(l => l.Name.StartsWith(prefix + ":") && l.ExpiresUtc <= now).ExecuteDeleteAsync(ct);
    }

    private static string InstanceName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Guid.NewGuid():N}";
        return name.Length <= 200 ? name : name[^200..];
    }

    internal static string ClaimName(string prefix, string key) =>
        $"{prefix}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";

    /// <summary>Takes lease <paramref name="name"/> until <paramref name="untilUtc"/> unless another holder has it now.</summary>
    private async Task<bool> TryAcquireAsync(string name, DateTime untilUtc, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        // One conditional UPDATE: of several instances, the database lets exactly one change the row.
        var taken = await db.JobLeases
            .Where(l => l.Name == name && l.ExpiresUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Instance).SetProperty(l => l.AcquiredUtc, now).SetProperty(l => l.ExpiresUtc, untilUtc), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false; // held by someone else
        }

        // The first time ever: the primary key lets one INSERT win; the others fail and know they lost.
        db.JobLeases.Add(new JobLease { Name = name, Holder = Instance, AcquiredUtc = now, ExpiresUtc = untilUtc });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} already ran in this period on another instance; skipped")]
    private static partial void LogSkipped(ILogger logger, string job);
}
