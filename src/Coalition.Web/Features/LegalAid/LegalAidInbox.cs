using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.LegalAid;

public sealed record LegalAidMember(string Id, string Name);

public sealed record LegalAidRequestRow(
    Guid Id, DateTime ReceivedUtc, LegalAidStatus Status, bool Opened, string? AssignedTo, LegalAidContent? Content);

public sealed record LegalAidNoteView(DateTime CreatedUtc, string? Author, string? Text);

public sealed record LegalAidRequestView(
    Guid Id, DateTime ReceivedUtc, LegalAidStatus Status, DateTime? ClosedUtc, string? AssignedToUserId,
    LegalAidContent? Content, IReadOnlyList<LegalAidNoteView> Notes, IReadOnlyList<LegalAidMember> Members);

/// <summary>
/// What Legal Aid members do with requests: list, open (audited: who and when, never what), assign, change the
/// status, add notes (sealed like the requests). Reading needs the unlocked keys; the workflow columns do not.
/// </summary>
public sealed class LegalAidInbox(CoalitionDbContext db, LegalAidKeys keys, AuditLog audit, TimeProvider clock)
{
    public const int NoteMaxLength = 5000;

    public async Task<IReadOnlyList<LegalAidRequestRow>> ListAsync(UnlockedKeyRing ring, bool closed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var requests = await db.LegalAidRequests.AsNoTracking()
            .Where(r => closed ? r.Status == LegalAidStatus.Closed : r.Status != LegalAidStatus.Closed)
            .OrderByDescending(r => r.ReceivedUtc).Take(500).ToListAsync(ct);
        var names = await MemberNamesAsync(ct);
        return requests.Select(r => new LegalAidRequestRow(
            r.Id, r.ReceivedUtc, r.Status, r.FirstOpenedUtc is not null,
            r.AssignedToUserId is { } a ? names.GetValueOrDefault(a, "?") : null,
            LegalAidRequests.Read(ring.Open(r.KeyId, new SealedData(r.WrappedKey, r.Ciphertext), LegalAidCrypto.Context("request", r.Id)))))
            .OrderByDescending(r => r.Content?.Urgent == true && r.Status != LegalAidStatus.Closed)
            .ThenByDescending(r => r.ReceivedUtc)
            .ToList();
    }

    /// <summary>Opens one request for the signed-in member: decrypted in memory, the opening recorded in the audit log.</summary>
    public async Task<LegalAidRequestView?> OpenAsync(UnlockedKeyRing ring, Guid id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var request = await db.LegalAidRequests.Include(r => r.Notes).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        request.FirstOpenedUtc ??= clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.LegalAidOpen, nameof(LegalAidRequest), id.ToString());
        await db.SaveChangesAsync(ct);

        var names = await MemberNamesAsync(ct);
        var notes = request.Notes.OrderBy(n => n.CreatedUtc).Select(n =>
        {
            var text = ring.Open(n.KeyId, new SealedData(n.WrappedKey, n.Ciphertext), LegalAidCrypto.Context("note", n.Id, request.Id));
            return new LegalAidNoteView(n.CreatedUtc, n.AuthorUserId is { } a ? names.GetValueOrDefault(a, "?") : null, text is null ? null : Encoding.UTF8.GetString(text));
        }).ToList();
        var content = LegalAidRequests.Read(ring.Open(request.KeyId, new SealedData(request.WrappedKey, request.Ciphertext), LegalAidCrypto.Context("request", request.Id)));
        return new LegalAidRequestView(request.Id, request.ReceivedUtc, request.Status, request.ClosedUtc, request.AssignedToUserId,
            content, notes, (await MembersAsync(ct)).ToList());
    }

    public async Task<bool> SetStatusAsync(Guid id, LegalAidStatus status)
    {
        if (!Enum.IsDefined(status) || await db.LegalAidRequests.FirstOrDefaultAsync(r => r.Id == id) is not { } request)
        {
            return false;
        }

        request.Status = status;
        request.ClosedUtc = status == LegalAidStatus.Closed ? request.ClosedUtc ?? clock.GetUtcNow().UtcDateTime : null;
        audit.Add(AuditActions.LegalAidStatus, nameof(LegalAidRequest), id.ToString(), status.ToString());
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Assigns the request to a Legal Aid member, or to nobody with a null id. False for an unknown request or a non-member.</summary>
    public async Task<bool> AssignAsync(Guid id, string? userId)
    {
        if (await db.LegalAidRequests.FirstOrDefaultAsync(r => r.Id == id) is not { } request
            || (userId is not null && (await MembersAsync()).All(m => m.Id != userId)))
        {
            return false;
        }

        request.AssignedToUserId = userId;
        audit.Add(AuditActions.LegalAidAssign, nameof(LegalAidRequest), id.ToString(), userId);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Seals and adds an internal note; false for an unknown request or while no key exists.</summary>
    public async Task<bool> AddNoteAsync(Guid id, string text, string? authorId)
    {
        if (!await db.LegalAidRequests.AnyAsync(r => r.Id == id) || await keys.CurrentAsync() is not { } key)
        {
            return false;
        }

        var noteId = Guid.NewGuid();
        var sealedData = LegalAidCrypto.Seal(Encoding.UTF8.GetBytes(text), key.PublicKey, LegalAidCrypto.Context("note", noteId, id));
        db.LegalAidNotes.Add(new LegalAidNote
        {
            Id = noteId,
            RequestId = id,
            KeyId = key.Id,
            WrappedKey = sealedData.WrappedKey,
            Ciphertext = sealedData.Ciphertext,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            AuthorUserId = authorId,
        });
        audit.Add(AuditActions.LegalAidNote, nameof(LegalAidRequest), id.ToString());
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Staff accounts that hold the Legal Aid permission and are not disabled.</summary>
    public async Task<IReadOnlyList<LegalAidMember>> MembersAsync(CancellationToken ct = default) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.LegalAid && u.DisabledUtc == null
               orderby u.DisplayName
               select new LegalAidMember(u.Id, u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName)).AsNoTracking().ToListAsync(ct);

    private async Task<Dictionary<string, string>> MemberNamesAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName == "" ? u.Email ?? u.Id : u.DisplayName, ct);
}
