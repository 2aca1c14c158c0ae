using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Campaigns;

public enum MessageOutcome
{
    Accepted,

    /// <summary>The honeypot was filled: the sender is thanked as usual, and nothing is stored.</summary>
    Discarded,
    Empty,
    TooLong,
    OnlyLinks,
    TooFast,
    Expired,
    TooMany,
}

public enum MessageDecision
{
    Approve,
    Reject,
    Hide,
    Delete,
}

/// <summary>One row of the moderation queue.</summary>
public sealed record QueuedMessage(int Id, string Culture, string? FirstName, string? Town, string Text, SupportMessageStatus Status, DateTime CreatedUtc, string? CampaignTitle, int? CampaignId);

/// <summary>Messages of support: what a visitor sends, and what staff decide.</summary>
public sealed partial class SupportMessages(CoalitionDbContext db, MessageFormGuard guard, SupportMessageLimiter limiter, AuditLog audit, TimeProvider clock)
{
    public const string EntityType = nameof(SupportMessage);
    public const int NameLength = 50;
    public const int TownLength = 80;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="clientKey">The client's address, as the rate limit's partition only: never stored.</param>
    /// <returns>The outcome and, for <see cref="MessageOutcome.TooMany"/>, how long to wait.</returns>
    public async Task<(MessageOutcome Outcome, TimeSpan? RetryAfter)> SubmitAsync(Campaign campaign, SupportMessageForm form, string clientKey)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(form);
        if (limiter.TryAcquire(clientKey) is { } wait)
        {
            return (MessageOutcome.TooMany, wait);
        }

        if (!string.IsNullOrEmpty(form.Website))
        {
            return (MessageOutcome.Discarded, null);
        }

        var outcome = guard.Check(form.Started) switch
        {
            FormTiming.TooFast => MessageOutcome.TooFast,
            FormTiming.Expired => MessageOutcome.Expired,
            _ => Check(form.Text),
        };
        if (outcome != MessageOutcome.Accepted)
        {
            return (outcome, null);
        }

        db.SupportMessages.Add(new SupportMessage
        {
            CampaignGroupId = campaign.TranslationGroupId,
            Culture = campaign.Culture,
            FirstName = Clean(form.FirstName, NameLength),
            Town = Clean(form.Town, TownLength),
            Text = CleanText(form.Text!),
            CreatedUtc = Now,
        });
        await db.SaveChangesAsync();
        return (MessageOutcome.Accepted, null);
    }

    /// <summary>The text rules: not empty, at most 1,000 characters, and more than links.</summary>
    public static MessageOutcome Check(string? text)
    {
        var clean = CleanText(text ?? "");
        if (clean.Length == 0)
        {
            return MessageOutcome.Empty;
        }

        if (clean.Length > SupportMessageForm.TextLength)
        {
            return MessageOutcome.TooLong;
        }

        return Links().Replace(clean, " ").Any(char.IsLetterOrDigit) ? MessageOutcome.Accepted : MessageOutcome.OnlyLinks;
    }

    /// <summary>Plain text: line breaks as \n, no other control or bidi-override characters, trimmed.</summary>
    public static string CleanText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\n' || !(char.IsControl(c) || IsBidiControl(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';

    private static string? Clean(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var clean = CleanText(value).Replace('\n', ' ');
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, max)];
    }

    public Task<int> WaitingCountAsync(CancellationToken ct = default) =>
        db.SupportMessages.CountAsync(m => m.Status == SupportMessageStatus.Waiting, ct);

    /// <summary>The messages in <paramref name="status"/>, newest first, with their campaign's title in their language.</summary>
    public async Task<PagedList<QueuedMessage>> QueueAsync(SupportMessageStatus status, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.SupportMessages.AsNoTracking().Where(m => m.Status == status);
        var total = await query.CountAsync(ct);
        var pageCount = PagedList<QueuedMessage>.PagesFor(total, pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var groups = rows.Select(r => r.CampaignGroupId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => groups.Contains(c.TranslationGroupId))
            .Select(c => new { c.Id, c.TranslationGroupId, c.Culture, c.Title }).ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var campaign = campaigns.FirstOrDefault(c => c.TranslationGroupId == r.CampaignGroupId && c.Culture == r.Culture)
                ?? campaigns.FirstOrDefault(c => c.TranslationGroupId == r.CampaignGroupId);
            return new QueuedMessage(r.Id, r.Culture, r.FirstName, r.Town, r.Text, r.Status, r.CreatedUtc, campaign?.Title, campaign?.Id);
        }).ToList();
        return new PagedList<QueuedMessage>(items, page, pageCount, total);
    }

    /// <summary>Applies one decision to each message; every change is in the audit log. Returns how many changed.</summary>
    public async Task<int> DecideAsync(IEnumerable<int> ids, MessageDecision decision, string? userId)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().Take(500).ToList();
        var messages = await db.SupportMessages.Where(m => wanted.Contains(m.Id)).ToListAsync();
        var now = Now;
        var changed = 0;
        foreach (var message in messages)
        {
            var before = message.Status;
            var id = message.Id.ToString(CultureInfo.InvariantCulture);
            if (decision == MessageDecision.Delete)
            {
                db.SupportMessages.Remove(message);
            }
            else
            {
                var after = decision switch
                {
                    MessageDecision.Approve => SupportMessageStatus.Approved,
                    MessageDecision.Reject => SupportMessageStatus.Rejected,
                    _ => SupportMessageStatus.Hidden,
                };
                if (after == before || (decision == MessageDecision.Hide && before != SupportMessageStatus.Approved))
                {
                    continue; // only a shown message can be hidden
                }

                message.Status = after;
                message.DecidedUtc = now;
                message.DecidedById = userId;
            }

            audit.Add(ActionOf(decision), EntityType, id, $"[{message.Culture}] #{id}: {before} → {(decision == MessageDecision.Delete ? "deleted" : message.Status.ToString())}");
            changed++;
        }

        await db.SaveChangesAsync();
        return changed;
    }

    /// <summary>Deletes the messages rejected longer than <paramref name="retention"/> ago; returns how many.</summary>
    public async Task<int> PurgeRejectedAsync(TimeSpan retention)
    {
        var cutoff = Now - retention;
        var expired = await db.SupportMessages
            .Where(m => m.Status == SupportMessageStatus.Rejected && m.DecidedUtc != null && m.DecidedUtc < cutoff)
            .ToListAsync();
        foreach (var message in expired)
        {
            db.SupportMessages.Remove(message);
            audit.Add(AuditActions.SupportMessagePurge, EntityType, message.Id.ToString(CultureInfo.InvariantCulture),
                $"[{message.Culture}] #{message.Id}: rejected {message.DecidedUtc:yyyy-MM-dd}", new StaffActor(null, "retention"));
        }

        await db.SaveChangesAsync();
        return expired.Count;
    }

    private static string ActionOf(MessageDecision decision) => decision switch
    {
        MessageDecision.Approve => AuditActions.SupportMessageApprove,
        MessageDecision.Reject => AuditActions.SupportMessageReject,
        MessageDecision.Hide => AuditActions.SupportMessageHide,
        _ => AuditActions.SupportMessageDelete,
    };

    /// <summary>Web addresses, with or without a scheme: what is left when they are taken out must be words.</summary>
    [GeneratedRegex(@"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}(?:/\S*)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();
}
