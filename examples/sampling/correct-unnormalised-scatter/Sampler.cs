using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

public static class Sampler
{
    public static Tensor SampleWithTemperature(Tensor logits, double temperature, Generator? generator = null)
    {
        CheckTemperature(temperature);
        // exp(z - max z) is proportional to softmax(z); multinomial does the normalising.
        var z = logits.to(float64) / temperature;
        var weights = (z - z.amax([-1], keepdim: true)).exp();
        return multinomial(weights, 1, generator: generator).view(-1);
    }

    public static Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null)
    {
        if (double.IsNaN(p) || p <= 0 || p > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "top-p needs 0 < p <= 1");
        CheckTemperature(temperature);
        var probs = nn.functional.softmax(logits.to(float64) / temperature, -1);
        var (sortedProbs, sortedIds) = sort(probs, -1, true);
        // Drop a sorted token once the tokens before it already reach p: shift "cumsum >= p" one place right.
        var reachedP = cumsum(sortedProbs, -1).ge(p);
        var drop = cat([zeros_like(reachedP[TensorIndex.Colon, TensorIndex.Slice(0, 1)]), reachedP[TensorIndex.Colon, TensorIndex.Slice(0, -1)]], -1);
        var dropById = zeros_like(drop).scatter(-1, sortedIds, drop);
        // Not renormalised on purpose: multinomial takes any non-negative weights.
        return multinomial(probs.masked_fill(dropById, 0.0), 1, generator: generator).view(-1);
    }

    private static void CheckTemperature(double temperature)
    {
        if (double.IsNaN(temperature) || temperature <= 0)
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be > 0");
    }
}
