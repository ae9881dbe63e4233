using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>One forward and backward pass of a <see cref="ModuleUnderTest"/>.</summary>
/// <param name="OutputRequiresGrad">false when the output was cut off from autograd (no_grad, detach)</param>
/// <param name="InputGradient">null when not asked for or when none reached the input</param>
/// <param name="ParameterGradients">by parameter name, in named_parameters() order; null where no gradient arrived</param>
public sealed record GradientResult(Tensor Output, bool OutputRequiresGrad, Tensor? InputGradient, IReadOnlyList<(string Name, Tensor? Gradient)> ParameterGradients);
