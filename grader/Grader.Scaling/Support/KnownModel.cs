using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// A stand-in language model whose every probability is known: at position t it gives
/// <see cref="Hit"/> to token (x_t + 1) mod V and shares the rest evenly among the others. So on a text
/// the exact NLL of each token is known without any reference code: −ln Hit when the token follows its
/// predecessor so, −ln((1 − Hit)/(V − 1)) otherwise. Scoring the wrong position, the wrong base or the
/// first token shows up as a different number.
/// </summary>
public static class KnownModel
{
    public const int Vocabulary = 12;
    public const double Hit = 0.7;

    public static Tensor Forward(Tensor idx)
    {
        var next = (idx + 1).remainder(Vocabulary);                                     // (B, T)
        var miss = Math.Log((1 - Hit) / (Vocabulary - 1));
        var hits = nn.functional.one_hot(next, Vocabulary).to(float64);                 // (B, T, V)
        return miss + (Math.Log(Hit) - miss) * hits;                                    // (B, T, V)
    }

    /// <summary>−ln p(tokens[i] | tokens[..i]) for i = 1 … N − 1, from the definition.</summary>
    public static double[] Nll(long[] tokens) =>
        Enumerable.Range(1, tokens.Length - 1)
            .Select(i => tokens[i] == (tokens[i - 1] + 1) % Vocabulary ? -Math.Log(Hit) : -Math.Log((1 - Hit) / (Vocabulary - 1)))
            .ToArray();

    public static StandInModel Probe() => new(Models.Code.Worker, Vocabulary, Forward);
}
