using GradingHost.Protocol;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// A language model the student's code calls in the worker, answered here in the checker by
/// <paramref name="forward"/>. It takes what a real model takes, int64 ids (B, T) inside the vocabulary and
/// at most its context window, and records the inputs, so a check can say what the code fed it.
/// </summary>
public sealed class StandIn : IDisposable
{
    private readonly Probe _probe;
    private readonly int _vocabulary;
    private readonly int _contextLength;
    private readonly Func<Tensor, Tensor> _forward;

    public StandIn(int vocabulary, int contextLength, Func<Tensor, Tensor> forward)
    {
        (_vocabulary, _contextLength, _forward) = (vocabulary, contextLength, forward);
        _probe = Models.Code.Worker.Callbacks.Register(Forward);
    }

    public Argument Argument => Argument.ProbeModule(_probe.Id);

    /// <summary>The shape of every input the model was given.</summary>
    public List<long[]> InputShapes { get; } = [];

    /// <summary>The checker's side of the stand-in, whose own feedback explains a failure best.</summary>
    public Probe Probe => _probe;

    public void Dispose() => _probe.Dispose();

    private Tensor Forward(Tensor idx)
    {
        InputShapes.Add(idx.shape);
        if (idx.dim() != 2 || idx.dtype != ScalarType.Int64)
            throw new StudentFeedback($"Your code gave the model a {idx.dtype} tensor of shape {Shapes.Show(idx.shape)}; a language model takes int64 token ids of shape (B, T).");
        if (idx.shape[1] > _contextLength)
            throw new StudentFeedback($"Your code gave the model {idx.shape[1]} positions; its context window is {_contextLength}. Inputs are the first T tokens of each window of T + 1.");
        if (idx.numel() > 0 && (idx.min().item<long>() < 0 || idx.max().item<long>() >= _vocabulary))
            throw new StudentFeedback($"Your code gave the model a token id outside the vocabulary 0…{_vocabulary - 1}.");
        using var _ = no_grad();
        return _forward(idx).to(float32);                                       // (B, T, V)
    }
}
