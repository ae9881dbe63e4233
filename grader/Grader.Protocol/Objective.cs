namespace GradingHost.Protocol;

/// <summary>The scalar a backward pass differentiates, computed from the module's output and <see cref="Tensor"/>.</summary>
public sealed record Objective(ObjectiveKind Kind, TensorData Tensor);
