using TorchSharp;
using Xunit;
using static GradingHost.Checks.Sampling.Models;
using static TorchSharp.torch;

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
            ExpectRejection(() => Submission.RawTemperature(Input(), temperature, null), $"{SampleWithTemperature}(logits, τ = {temperature})", "τ must be positive");
            if (NucleusIsAttempted)
                ExpectRejection(() => Submission.RawNucleus(Input(), 0.9, temperature, null), $"{SampleNucleus}(logits, p = 0.9, τ = {temperature})", "τ must be positive");
        }
    }

    /// <summary>Part of E1's nucleus-support item, so a student who skips E1 loses nothing in Q4 for it.</summary>
    [Fact]
    public void POutsideZeroToOneIsRejected()
    {
        foreach (var p in new[] { 0.0, -0.25, 1.5 })
            ExpectRejection(() => Submission.RawNucleus(Input(), p, 1.0, null), $"{SampleNucleus}(logits, p = {p})", "p must lie in (0, 1]");
    }

    private static Tensor Input() => Draws.Logits([Row]);

    private static void ExpectRejection(Func<Tensor> call, string what, string rule)
    {
        try
        {
            call();
        }
        catch (ArgumentOutOfRangeException)
        {
            return;
        }
        catch (NotImplementedException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new StudentFeedback(
                $"{what} threw {e.GetType().Name} ({e.Message.Split('\n')[0].Trim()}); it should throw ArgumentOutOfRangeException with a message saying that {rule}, before any tensor work.");
        }
        throw new StudentFeedback($"{what} returned without an error; it should throw ArgumentOutOfRangeException with a message saying that {rule}.");
    }
}
