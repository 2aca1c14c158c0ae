using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Media;

/// <summary>
/// The media library in an S3-compatible bucket (<c>Media:Store=S3</c>), shared by every instance. Keys are the
/// generated names in the same two-character folders as on disk, under <see cref="S3StoreOptions.Prefix"/>. A PUT
/// makes an object appear whole or not at all, so a reader never sees half a file; the bucket stays private and the
/// app serves the files (so the "public only while used" rule holds on both stores).
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly S3StoreOptions _options;

    public S3FileStore(IOptions<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.S3;
        var config = new AmazonS3Config
        {
            ForcePathStyle = _options.ForcePathStyle,
            AuthenticationRegion = _options.Region,
            // Stores other than AWS do not all know the SDK's newer default checksums; only send them when an operation needs them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromSeconds(60),
            MaxErrorRetry = 3,
        };
        if (string.IsNullOrEmpty(_options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_options.Region);
        }
        else
        {
            config.ServiceURL = _options.ServiceUrl;
        }

        _client = string.IsNullOrEmpty(_options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(_options.AccessKey, _options.SecretKey), config);
    }

    public async Task SaveAsync(string name, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = KeyOf(name);
        // The request needs a length and may be retried: a stream that cannot seek is spooled to a temporary file first.
        Stream body = content;
        string? spool = null;
        try
        {
            if (!content.CanSeek)
            {
                spool = Path.GetTempFileName();
                body = new FileStream(spool, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(body, ct);
                body.Position = 0;
            }

            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = key,
                InputStream = body,
                AutoCloseStream = false,
                UseChunkEncoding = false,
                ContentType = "application/octet-stream",
            }, ct);
        }
        finally
        {
            if (spool is not null)
            {
                await body.DisposeAsync();
            }
        }
    }

    public async Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default)
    {
        try
        {
            var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _options.Bucket, Key = KeyOf(name) }, ct);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string name, CancellationToken ct = default) =>
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _options.Bucket, Key = KeyOf(name) }, ct);

    /// <summary>Asks for the bucket's location: cheap, read-only, and it fails when the bucket or the credentials are wrong.</summary>
    public async Task CheckAvailableAsync(CancellationToken ct = default) =>
        await _client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = _options.Bucket }, ct);

    public void Dispose() => _client.Dispose();

    private string KeyOf(string name)
    {
        if (!StoredNames.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a stored file name.", nameof(name));
        }

        return $"{_options.Prefix}{name[..2]}/{name}";
    }

    /// <summary>The object's body, which also releases the response when it is disposed; with its length, for Content-Length.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
