namespace GradingHost.Protocol;

/// <summary>What one forward and backward pass produced.</summary>
/// <param name="OutputRequiresGrad">false when the output was cut off from autograd (no_grad, detach)</param>
/// <param name="InputGradient">null when not asked for, or when no gradient reached the input</param>
/// <param name="ParameterGradients">one entry per parameter, in named_parameters() order; a null value where no gradient arrived</param>
public sealed record BackwardResult(
    TensorData Output,
    bool OutputRequiresGrad,
    TensorData? InputGradient,
    IReadOnlyList<NamedTensor> ParameterGradients);
