using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Media;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Media;

/// <summary>The media library on a real S3-compatible server (s3rver), as several instances share it.</summary>
public sealed class S3FileStoreTests(S3rverServer s3) : IClassFixture<S3rverServer>
{
    [SkippableFact]
    public async Task SaveAsync_ThenOpenAndDelete_RoundTripsTheBytes()
    {
        s3.SkipIfUnavailable();
        using var store = Store();
        var name = StoredNames.Document(StoredNames.NewKey(), "pdf");
        var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7 a small test file");

        await store.SaveAsync(name, new MemoryStream(bytes));
        await using (var read = await store.OpenReadAsync(name))
        {
            Assert.NotNull(read);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        await store.DeleteAsync(name);
        Assert.Null(await store.OpenReadAsync(name));
        await store.CheckAvailableAsync();
    }

    [SkippableFact]
    public async Task SaveAsync_StreamBreaksHalfway_NothingIsStored()
    {
        s3.SkipIfUnavailable();
        using var store = Store();
        var name = StoredNames.Document(StoredNames.NewKey(), "zip");

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(name, new BreakingStream(64 * 1024)));

        Assert.Null(await store.OpenReadAsync(name));
    }

    [SkippableFact]
    public async Task CheckAvailable_BucketMissing_Throws()
    {
        s3.SkipIfUnavailable();
        using var store = Store(bucket: "no-such-bucket");

        await Assert.ThrowsAnyAsync<Exception>(() => store.CheckAvailableAsync());
    }

    [SkippableFact]
    public async Task App_OnS3_UploadIsStoredInTheBucketAndServed()
    {
        s3.SkipIfUnavailable();
        using var app = new S3AppFactory(s3.AppSettings("site-a/"));
        var editor = await app.SignedInClientAsync(Roles.Editor);

        using var upload = await CoalitionAppFactory.UploadAsync(editor, MediaFixtures.Jpeg(), "visit.jpg");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var item = await app.QueryDbAsync(db => db.Media.AsNoTracking().OrderBy(m => m.Id).LastAsync());
        using var store = Store(prefix: "site-a/");
        foreach (var name in MediaLibrary.StoredFiles(item))
        {
            await using var stored = await store.OpenReadAsync(name);
            Assert.True(stored is not null, $"{name} is not in the bucket");
            var served = await editor.GetByteArrayAsync(new Uri(MediaUrls.Prefix + name, UriKind.Relative));
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            Assert.Equal(copy.ToArray(), served);
        }

        Assert.False(Directory.Exists(Path.Combine(app.MediaFolder, item.StorageKey[..2])), "nothing may be written to the local folder");
        using var health = await editor.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private S3FileStore Store(string? bucket = null, string prefix = "") => new(Microsoft.Extensions.Options.Options.Create(new MediaOptions
    {
        Store = MediaStoreKind.S3,
        S3 = new S3StoreOptions
        {
            Bucket = bucket ?? S3rverServer.Bucket,
            ServiceUrl = s3.ServiceUrl,
            AccessKey = S3rverServer.Key,
            SecretKey = S3rverServer.Key,
            Prefix = prefix,
        },
    }));

    private sealed class S3AppFactory(Dictionary<string, string?> settings) : CoalitionAppFactory(settings);

    /// <summary>A stream that cannot seek and fails after <paramref name="bytesBeforeFailure"/> bytes, as a broken upload does.</summary>
    private sealed class BreakingStream(int bytesBeforeFailure) : Stream
    {
        private int _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= bytesBeforeFailure)
            {
                throw new IOException("The connection was reset.");
            }

            var n = Math.Min(count, bytesBeforeFailure - _read);
            Array.Fill(buffer, (byte)'x', offset, n);
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
