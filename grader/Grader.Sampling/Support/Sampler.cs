using GradingHost.Protocol;

namespace GradingHost.Checks.Sampling;

/// <summary>One of the student's samplers with its arguments after the logits: what each draw calls.</summary>
/// <param name="Method">Sampler's method, e.g. SampleWithTemperature</param>
/// <param name="After">the arguments after the logits (τ, p, the generator)</param>
/// <param name="Description">the arguments as a message names them, e.g. "τ = 0.5"</param>
public sealed record Sampler(string Method, IReadOnlyList<Argument> After, string Description);
