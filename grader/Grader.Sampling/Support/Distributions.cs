namespace GradingHost.Checks.Sampling;

/// <summary>The probabilities a correct sampler follows, computed in float64 from the checks' own inputs.</summary>
public static class Distributions
{
    public static double[] Softmax(double[] logits, double temperature = 1.0)
    {
        var max = logits.Max();
        var weights = logits.Select(e => Math.Exp((e - max) / temperature)).ToArray();
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }

    /// <summary>Logits whose softmax is <paramref name="probabilities"/>.</summary>
    public static double[] LogitsOf(double[] probabilities) => probabilities.Select(q => Math.Log(q)).ToArray();

    /// <summary>Token ids from the most to the least probable.</summary>
    private static int[] ByProbability(double[] probabilities) =>
        Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ToArray();

    /// <summary>The nucleus: the fewest most probable tokens whose mass reaches p (the checks avoid ties here).</summary>
    public static int[] Nucleus(double[] probabilities, double p)
    {
        var kept = new List<int>();
        var mass = 0.0;
        foreach (var id in ByProbability(probabilities))
        {
            if (mass >= p)
                break;
            kept.Add(id);
            mass += probabilities[id];
        }
        return kept.ToArray();
    }

    /// <summary>π restricted to <paramref name="kept"/> and renormalised: π_i / Σ_kept π, zero elsewhere.</summary>
    public static double[] Restricted(double[] probabilities, IReadOnlyCollection<int> kept)
    {
        var mass = kept.Sum(i => probabilities[i]);
        return probabilities.Select((q, i) => kept.Contains(i) ? q / mass : 0.0).ToArray();
    }
}
