using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// A stand-in language model for checking Generate. It records every input, refuses one longer than
/// its context window (as a real model's position embedding would), and makes the logits at position
/// t peak at Next(token t), so the text a correct Generate writes is known in advance.
/// </summary>
public sealed class ProbeLanguageModel : nn.Module<Tensor, Tensor>
{
    private readonly int _vocabulary;
    private readonly int _contextLength;
    private readonly Func<long, long> _next;
    private readonly RecordingSampler _sampler;

    public ProbeLanguageModel(int vocabulary, int contextLength, Func<long, long> next, RecordingSampler sampler) : base(nameof(ProbeLanguageModel))
    {
        (_vocabulary, _contextLength, _next, _sampler) = (vocabulary, contextLength, next, sampler);
        // Unused by forward: a real model has parameters, and a Generate that finds the device with
        // model.parameters().First().device is correct and must not fail on the probe.
        register_parameter("unused", new Parameter(zeros(1)));
    }

    /// <summary>Every input the model was given, with how many tokens had been sampled by then.</summary>
    public List<(long[] Tokens, int SampledBefore)> Inputs { get; } = [];

    public override Tensor forward(Tensor idx)
    {
        if (idx.dim() != 2 || idx.shape[0] != 1 || idx.dtype != ScalarType.Int64)
            throw new StudentFeedback($"Generate gave the model a {idx.dtype} tensor of shape {Shapes.Show(idx.shape)}; a language model takes int64 token ids of shape (1, T).");
        var tokens = idx.cpu().data<long>().ToArray();
        Inputs.Add((tokens, _sampler.Returned.Count));
        if (tokens.Length > _contextLength)
            throw new StudentFeedback(
                $"Generate gave the model {tokens.Length} tokens, but its context window is contextLength = {_contextLength} positions (a real model has no position embedding past it). " +
                "Once the text is longer than the window, feed the model only the last contextLength tokens.");
        if (tokens.Any(t => t < 0 || t >= _vocabulary))
            throw new StudentFeedback($"Generate gave the model token id {tokens.First(t => t < 0 || t >= _vocabulary)}, outside the vocabulary 0…{_vocabulary - 1}.");
        var peaks = tensor(tokens.Select(_next).ToArray(), [1, tokens.Length]);
        return nn.functional.one_hot(peaks, _vocabulary).to(float32) * 4.0f;    // (1, T, V)
    }
}
