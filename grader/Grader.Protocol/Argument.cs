using static TorchSharp.torch;

namespace GradingHost.Protocol;

/// <summary>One argument of a <see cref="StaticCall"/>; only the field its <see cref="Kind"/> names is used.</summary>
/// <param name="Handle">a generator or module handle, or a probe's id</param>
/// <param name="Bound">for <see cref="ArgumentKind.SubmissionFunction"/>: the method to call, with its arguments after the tensor</param>
public sealed record Argument(
    ArgumentKind Kind,
    TensorData? Tensor = null,
    double Number = 0,
    long Integer = 0,
    long[]? Integers = null,
    int Handle = 0,
    StaticCall? Bound = null)
{
    public static Argument Of(Tensor value) => new(ArgumentKind.Tensor, TensorWire.ToWire(value));

    public static Argument Of(double value) => new(ArgumentKind.Double, Number: value);

    public static Argument OfInt32(int value) => new(ArgumentKind.Int32, Integer: value);

    public static Argument Of(long? value) => value is { } v ? new(ArgumentKind.Int64, Integer: v) : None;

    public static Argument Of(long[] values) => new(ArgumentKind.Int64Array, Integers: values);

    public static Argument None { get; } = new(ArgumentKind.Null);

    /// <summary>The argument is left out, as a caller relying on the signature's default value leaves it out.</summary>
    public static Argument Omitted { get; } = new(ArgumentKind.Omitted);

    public static Argument Generator(int handle) => new(ArgumentKind.Generator, Handle: handle);

    public static Argument Module(int handle) => new(ArgumentKind.Module, Handle: handle);

    public static Argument ProbeModule(int probe) => new(ArgumentKind.ProbeModule, Handle: probe);

    public static Argument ProbeFunction(int probe) => new(ArgumentKind.ProbeFunction, Handle: probe);

    /// <summary>t ↦ <paramref name="call"/> with t as its first argument.</summary>
    public static Argument Function(StaticCall call) => new(ArgumentKind.SubmissionFunction, Bound: call);
}
