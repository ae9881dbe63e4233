namespace GradingHost.Protocol;

/// <summary>
/// A tensor on the wire: the dtype it had, its shape, and its elements in <see cref="WireType"/>
/// (row-major, little-endian). Half-precision tensors travel as float32 and small integers as int32,
/// so only a few element types need decoding; <see cref="TensorWire"/> checks every field on arrival.
/// </summary>
public sealed record TensorData(string DType, long[] Shape, string WireType, byte[] Data);
