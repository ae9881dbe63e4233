using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The handout's definitions, computed here for a stand-in model whose logits are a fixed function of the
/// current token: what the public checks compare a submission with, no reference code involved.
/// </summary>
public static class Definitions
{
    public const int Vocabulary = 9;
    public const int ContextLength = 16;

    /// <summary>logits[b, t, v] = sin(0.9·x[b, t] + 0.6·v) + 0.4·cos(1.7·v): smooth, and different for every current token.</summary>
    public static Tensor StandInLogits(Tensor idx)
    {
        var v = arange(Vocabulary, dtype: float64);
        return (0.9 * idx.to(float64).unsqueeze(-1) + 0.6 * v).sin() + 0.4 * (1.7 * v).cos();    // (B, T, V)
    }

    public static StandInModel StandIn() => new(Models.Code.Worker, Vocabulary, StandInLogits, ContextLength);

    /// <summary>Mean of −log_softmax(logits(windows[:, :T]))[target] over the targets windows[:, 1:].</summary>
    public static double Loss(Tensor windows, bool shifted = true)
    {
        var inputs = windows[.., ..^1];
        var targets = shifted ? windows[.., 1..] : inputs;
        var logProbs = StandInLogits(inputs).log_softmax(-1);
        return -logProbs.gather(-1, targets.unsqueeze(-1)).mean().item<double>();
    }

    /// <summary>exp of the mean NLL over consecutive windows s = 0, T, 2T, … while s + T &lt; N, each target scored once.</summary>
    public static double Perplexity(long[] text, int contextLength, bool shifted = true, bool meanOfWindows = false)
    {
        var count = (text.Length - 1) / contextLength;
        var windows = Enumerable.Range(0, count).Select(w => text[(w * contextLength)..(w * contextLength + contextLength + 1)]).ToArray();
        var nll = windows.Select(w => Loss(tensor(w, [1, w.Length]), shifted)).ToArray();
        return meanOfWindows ? nll.Average(Math.Exp) : Math.Exp(nll.Average());
    }

    /// <summary>A text of ids from a fixed seed.</summary>
    public static long[] Text(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (long)random.Next(Vocabulary)).ToArray();
    }
}
