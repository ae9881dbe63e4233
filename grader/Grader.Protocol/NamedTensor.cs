namespace GradingHost.Protocol;

/// <summary>A parameter or gradient by its name in the module (e.g. "blocks.0.attention.query.weight"); Value is null where there is none (no gradient).</summary>
public sealed record NamedTensor(string Name, TensorData? Value);
