using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// The sample function the checks hand to Generate (answered here, in the checker): greedy, so the probe
/// model's text is known, and recording what it returned, so the checks can tell which tokens Generate
/// should have appended.
/// </summary>
public sealed class RecordingSampler(int vocabulary)
{
    public List<long> Returned { get; } = [];

    public Tensor Sample(Tensor logits)
    {
        long[] expected = [1, vocabulary];
        if (!logits.shape.SequenceEqual(expected))
            throw new StudentFeedback(
                $"Generate passed logits of shape {Shapes.Show(logits.shape)} to the sample function; it takes the last position's logits, shape {Shapes.Show(expected)} " +
                "(logits[:, -1] of the model's (1, T, V) output).");
        var id = logits.argmax(-1).cpu().item<long>();
        Returned.Add(id);
        return tensor(new[] { id }, dtype: int64);                                // (1)
    }
}
