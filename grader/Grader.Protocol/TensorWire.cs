using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Protocol;

/// <summary>Turns tensors into <see cref="TensorData"/> and back, refusing anything malformed on arrival.</summary>
public static class TensorWire
{
    public static TensorData ToWire(Tensor tensor)
    {
        var dtype = tensor.dtype;
        var wireType = WireTypeOf(dtype)
            ?? throw new NotSupportedException($"a {dtype} tensor cannot be returned to the grader; use a real floating-point or integer dtype");
        // Most answers are already contiguous CPU tensors of their wire type: copy their bytes without making new tensors.
        if (dtype == wireType && tensor.device_type == DeviceType.CPU && tensor.is_contiguous())
            return new TensorData(dtype.ToString(), tensor.shape, wireType.ToString(), tensor.bytes.ToArray());
        using var scope = NewDisposeScope();
        var wire = tensor.detach().cpu().to(wireType).contiguous();
        return new TensorData(dtype.ToString(), tensor.shape, wireType.ToString(), wire.bytes.ToArray());
    }

    /// <summary>
    /// The values of an int64 tensor (token ids), checked as <see cref="FromWire"/> checks a tensor but
    /// without making one: the checker reads thousands of draws.
    /// </summary>
    /// <exception cref="InvalidDataException">the data does not describe an int64 tensor of this shape</exception>
    public static long[] Int64s(TensorData data, long[] shape)
    {
        if (data.Shape is null || data.Data is null || data.DType != "Int64" || data.WireType != "Int64")
            throw new InvalidDataException($"a {Truncate(data.DType ?? "untyped")} tensor where int64 token ids were expected");
        if (!data.Shape.SequenceEqual(shape))
            throw new InvalidDataException($"a tensor of shape ({string.Join(", ", data.Shape)}) where ({string.Join(", ", shape)}) was expected");
        var elements = shape.Aggregate(1L, (a, b) => a * b);
        if (data.Data.LongLength != elements * 8)
            throw new InvalidDataException($"a tensor of shape ({string.Join(", ", data.Shape)}) with {data.Data.LongLength} bytes of data");
        return MemoryMarshal.Cast<byte, long>(data.Data).ToArray();
    }

    /// <summary>A CPU tensor with the shape and dtype the data names.</summary>
    /// <exception cref="InvalidDataException">the data does not describe a tensor (unknown dtype, negative or huge shape, wrong byte count)</exception>
    public static Tensor FromWire(TensorData data)
    {
        if (data.Shape is null || data.Data is null || data.DType is null || data.WireType is null)
            throw new InvalidDataException("a tensor without shape, dtype or data");
        if (!Enum.TryParse<ScalarType>(data.DType, out var dtype) || !Enum.IsDefined(dtype) || WireTypeOf(dtype) is not { } expectedWire)
            throw new InvalidDataException($"a tensor of unsupported dtype '{Truncate(data.DType)}'");
        if (data.WireType != expectedWire.ToString())
            throw new InvalidDataException($"a {dtype} tensor sent as '{Truncate(data.WireType)}'");
        if (data.Shape.Length > WireLimits.MaxTensorRank)
            throw new InvalidDataException($"a tensor of rank {data.Shape.Length} (at most {WireLimits.MaxTensorRank} accepted)");
        long elements = 1;
        foreach (var size in data.Shape)
        {
            if (size < 0 || size > WireLimits.MaxTensorElements)
                throw new InvalidDataException($"a tensor of shape ({string.Join(", ", data.Shape)})");
            elements *= size;
            if (elements > WireLimits.MaxTensorElements)
                throw new InvalidDataException($"a tensor of shape ({string.Join(", ", data.Shape)}), more than {WireLimits.MaxTensorElements:N0} elements");
        }
        if (data.Data.LongLength != elements * ElementSize(expectedWire))
            throw new InvalidDataException($"a tensor of shape ({string.Join(", ", data.Shape)}) with {data.Data.LongLength} bytes of data");

        var bytes = data.Data.AsSpan();
        var shape = data.Shape;
        var decoded = expectedWire switch
        {
            ScalarType.Float32 => tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape),
            ScalarType.Float64 => tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape),
            ScalarType.Int64 => tensor(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape),
            ScalarType.Int32 => tensor(MemoryMarshal.Cast<byte, int>(bytes).ToArray(), shape),
            ScalarType.Byte => tensor(bytes.ToArray(), shape),
            ScalarType.Bool => tensor(Booleans(bytes), shape),
            _ => throw new InvalidDataException($"a tensor of unsupported dtype '{dtype}'"),
        };
        return dtype == expectedWire ? decoded : decoded.to(dtype);
    }

    /// <summary>How a dtype travels: as itself, or widened to a type the decoder knows; null for dtypes that cannot.</summary>
    private static ScalarType? WireTypeOf(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 or ScalarType.Float64 or ScalarType.Int64 or ScalarType.Int32 or ScalarType.Byte or ScalarType.Bool => dtype,
        ScalarType.Float16 or ScalarType.BFloat16 => ScalarType.Float32,
        ScalarType.Int8 or ScalarType.Int16 => ScalarType.Int32,
        _ => null,
    };

    private static int ElementSize(ScalarType wire) => wire switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        _ => 1,
    };

    private static bool[] Booleans(ReadOnlySpan<byte> bytes)
    {
        var values = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            values[i] = bytes[i] switch
            {
                0 => false,
                1 => true,
                _ => throw new InvalidDataException("a bool tensor holding a byte other than 0 or 1"),
            };
        return values;
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
