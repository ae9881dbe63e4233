using System.Buffers.Binary;

namespace GradingHost.Protocol;

/// <summary>
/// A read-only view of the worker's output that follows StreamJsonRpc's length-header framing (a
/// 4-byte big-endian length before each message) and fails the connection when a header announces
/// more than <see cref="WireLimits.MaxMessageBytes"/>, before the library buffers that much.
/// </summary>
public sealed class MessageSizeGuard(Stream inner, int maxMessageBytes = WireLimits.MaxMessageBytes) : Stream
{
    private readonly byte[] _header = new byte[4];
    private int _headerFilled;
    private long _payloadLeft;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (_payloadLeft > 0)
            {
                var skip = (int)Math.Min(_payloadLeft, bytes.Length);
                _payloadLeft -= skip;
                bytes = bytes[skip..];
                continue;
            }
            var take = Math.Min(4 - _headerFilled, bytes.Length);
            bytes[..take].CopyTo(_header.AsSpan(_headerFilled));
            _headerFilled += take;
            bytes = bytes[take..];
            if (_headerFilled < 4)
                continue;
            _headerFilled = 0;
            _payloadLeft = BinaryPrimitives.ReadUInt32BigEndian(_header);
            if (_payloadLeft > maxMessageBytes)
                throw new InvalidDataException($"The worker announced a message of {_payloadLeft:N0} bytes; at most {maxMessageBytes:N0} are accepted.");
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
