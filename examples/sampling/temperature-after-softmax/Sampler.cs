using TorchSharp;
using static TorchSharp.torch;

namespace Homework.Sampling;

public static class Sampler
{
    public static Tensor SampleWithTemperature(Tensor logits, double temperature, Generator? generator = null)
    {
        var probs = Probabilities(logits, temperature);
        return probs.multinomial(1, generator: generator).squeeze(1);
    }

    public static Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null)
    {
        if (p <= 0 || p > 1)
            throw new ArgumentOutOfRangeException(nameof(p), "p must be in (0, 1]");
        var probs = Probabilities(logits, temperature);
        var (sorted, indices) = probs.sort(-1, descending: true);
        var cumulative = sorted.cumsum(-1);
        var keep = (cumulative - sorted).lt(p);
        var filtered = sorted * keep;
        filtered = filtered / filtered.sum(-1, keepdim: true);
        var choice = filtered.multinomial(1, generator: generator);
        return indices.gather(1, choice).squeeze(1);
    }

    private static Tensor Probabilities(Tensor logits, double temperature)
    {
        if (temperature <= 0)
            throw new ArgumentOutOfRangeException(nameof(temperature), "temperature must be positive");
        // The mistake: τ divides the probabilities, and multinomial renormalises it away.
        return logits.softmax(-1) / temperature;
    }
}
