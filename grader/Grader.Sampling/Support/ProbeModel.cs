using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// A stand-in language model for checking Generate, answered here in the checker. It records every
/// input, refuses one longer than its context window (as a real model's position embedding would), and
/// makes the logits at position t peak at Next(token t), so the text a correct Generate writes is known.
/// </summary>
public sealed class ProbeModel(int vocabulary, int contextLength, Func<long, long> next, RecordingSampler sampler)
{
    /// <summary>Every input the model was given, with how many tokens had been sampled by then.</summary>
    public List<(long[] Tokens, int SampledBefore)> Inputs { get; } = [];

    public Tensor Forward(Tensor idx)
    {
        if (idx.dim() != 2 || idx.shape[0] != 1 || idx.dtype != ScalarType.Int64)
            throw new StudentFeedback($"Generate gave the model a {idx.dtype} tensor of shape {Shapes.Show(idx.shape)}; a language model takes int64 token ids of shape (1, T).");
        var tokens = idx.cpu().data<long>().ToArray();
        Inputs.Add((tokens, sampler.Returned.Count));
        if (tokens.Length > contextLength)
            throw new StudentFeedback(
                $"Generate gave the model {tokens.Length} tokens, but its context window is contextLength = {contextLength} positions (a real model has no position embedding past it). " +
                "Once the text is longer than the window, feed the model only the last contextLength tokens.");
        if (tokens.Any(t => t < 0 || t >= vocabulary))
            throw new StudentFeedback($"Generate gave the model token id {tokens.First(t => t < 0 || t >= vocabulary)}, outside the vocabulary 0…{vocabulary - 1}.");
        var peaks = tensor(tokens.Select(next).ToArray(), [1, tokens.Length]);
        return nn.functional.one_hot(peaks, vocabulary).to(float32) * 4.0f;    // (1, T, V)
    }

    /// <summary>Runs the student's Generate against this model and <paramref name="sampler"/>, both answered here.</summary>
    public long[] Generate(long[] prompt, int maxNewTokens, long? endOfText = null)
    {
        var callbacks = Models.Code.Worker.Callbacks;
        using var model = callbacks.Register(Forward);
        using var sample = callbacks.Register(sampler.Sample);
        return Models.Submission.Generate(Protocol.Argument.ProbeModule(model.Id), prompt, maxNewTokens, contextLength,
            Protocol.Argument.ProbeFunction(sample.Id), endOfText, model, sample);
    }
}
