using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Authing.Sdk.Runtime;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>, and a per-thread cache of
/// one writer with its <see cref="Utf8JsonWriter"/>: serialising a body costs the final exact-size array and nothing else.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 4096;

    [ThreadStatic]
    private static PooledBufferWriter? t_cached;

    private byte[] _buffer;
    private int _written;
    private Utf8JsonWriter? _json;

    private PooledBufferWriter()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Takes this thread's writer (or a new one when it is in use); give it back with <see cref="Return"/>.</summary>
    /// <param name="json">A JSON writer with <see cref="AuthingJson.WriterOptions"/> over the buffer.</param>
    /// <returns>The buffer.</returns>
    public static PooledBufferWriter Rent(out Utf8JsonWriter json)
    {
        PooledBufferWriter buffer = t_cached ?? new PooledBufferWriter();
        t_cached = null;
        if (buffer._json is null)
        {
            buffer._json = new Utf8JsonWriter(buffer, AuthingJson.WriterOptions);
        }
        else
        {
            buffer._json.Reset(buffer);
        }

        json = buffer._json;
        return buffer;
    }

    /// <summary>Clears the buffer and keeps it for the next call on this thread; large buffers go back to the pool.</summary>
    /// <param name="buffer">The buffer from <see cref="Rent"/>.</param>
    public static void Return(PooledBufferWriter buffer)
    {
        buffer._written = 0;
        if (buffer._buffer.Length > 1024 * 1024)
        {
            ArrayPool<byte>.Shared.Return(buffer._buffer);
            buffer._buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        }

        t_cached = buffer;
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1)
        {
            sizeHint = 1;
        }

        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        int size = Math.Max(_written + sizeHint, _buffer.Length * 2);
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
