using GradingHost.Protocol;
using Xunit;
using static GradingHost.Checks.Sampling.Models;

namespace GradingHost.Checks.Sampling;

/// <summary>A temperature τ ≤ 0 or a nucleus mass p outside (0, 1] has no meaning, and must fail loudly rather than sample something.</summary>
public sealed class ArgumentChecks
{
    private static readonly double[] Row = [0.5, -0.2, 1.0, 0.1];

    [Fact]
    public void NonPositiveTemperatureIsRejected()
    {
        foreach (var temperature in new[] { 0.0, -1.0 })
        {
            ExpectRejection(Submission.Temperature(temperature, Argument.None), $"{SampleWithTemperature}(logits, τ = {temperature})", "τ must be positive");
            if (NucleusIsAttempted)
                ExpectRejection(Submission.Nucleus(0.9, temperature, Argument.None), $"{SampleNucleus}(logits, p = 0.9, τ = {temperature})", "τ must be positive");
        }
    }

    /// <summary>Part of E1's nucleus-support item, so a student who skips E1 loses nothing in Q4 for it.</summary>
    [Fact]
    public void POutsideZeroToOneIsRejected()
    {
        foreach (var p in new[] { 0.0, -0.25, 1.5 })
            ExpectRejection(Submission.Nucleus(p, 1.0, Argument.None), $"{SampleNucleus}(logits, p = {p})", "p must lie in (0, 1]");
    }

    private static void ExpectRejection(Sampler sampler, string what, string rule)
    {
        var thrown = Submission.Rejection(sampler, Row);
        if (thrown is null)
            throw new StudentFeedback($"{what} returned without an error; it should throw ArgumentOutOfRangeException with a message saying that {rule}.");
        if (thrown.ExceptionTypes.Contains(typeof(ArgumentOutOfRangeException).FullName!))
            return;
        var type = thrown.ExceptionTypes.Count > 0 ? thrown.ExceptionTypes[0][(thrown.ExceptionTypes[0].LastIndexOf('.') + 1)..] : "an exception";
        throw new StudentFeedback(
            $"{what} threw {type} ({thrown.Message.Split('\n')[0].Trim()}); it should throw ArgumentOutOfRangeException with a message saying that {rule}, before any tensor work.");
    }
}
