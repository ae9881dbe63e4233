namespace GradingHost.Protocol;

/// <summary>What one call of a static method returned: a tensor, an array of ids, or null.</summary>
public sealed record Returned(TensorData? Tensor, long[]? Integers);
