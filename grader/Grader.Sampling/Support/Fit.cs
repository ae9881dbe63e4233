namespace GradingHost.Checks.Sampling;

/// <summary>One goodness-of-fit test a check runs: <see cref="Draws"/> draws that should follow <see cref="Probabilities"/>.</summary>
/// <param name="TestsInCheck">how many such tests the check runs: each may fail a correct sampler with probability 1e-6 / TestsInCheck</param>
public sealed record Fit(long Draws, double[] Probabilities, int TestsInCheck);
