using GradingHost.Protocol;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// A language model the student's code calls in the worker, answered here in the checker by
/// <paramref name="forward"/> (a trained model the checker holds, or a stand-in whose probabilities are
/// known). It takes what a real model takes, int64 ids (B, T) inside the vocabulary and, when it has one,
/// within its context window, refuses anything else with feedback that says so, and records the shape of
/// every input, so a check can say what the code fed it.
/// </summary>
public sealed class StandInModel : IDisposable
{
    private readonly Probe _probe;
    private readonly int _vocabulary;
    private readonly int? _contextLength;
    private readonly Func<Tensor, Tensor> _forward;

    public StandInModel(WorkerConnection worker, int vocabulary, Func<Tensor, Tensor> forward, int? contextLength = null)
    {
        (_vocabulary, _forward, _contextLength) = (vocabulary, forward, contextLength);
        _probe = worker.Callbacks.Register(Forward);
    }

    public Argument Argument => Argument.ProbeModule(_probe.Id);

    /// <summary>The checker's side of the stand-in, whose own feedback explains a failure best.</summary>
    public Probe Probe => _probe;

    /// <summary>The shape of every input the model was given.</summary>
    public List<long[]> InputShapes { get; } = [];

    public void Dispose() => _probe.Dispose();

    private Tensor Forward(Tensor idx)
    {
        InputShapes.Add(idx.shape);
        if (idx.dim() != 2 || idx.dtype != ScalarType.Int64)
            throw new StudentFeedback($"Your code gave the model a {idx.dtype} tensor of shape {Shapes.Show(idx.shape)}; a language model takes int64 token ids of shape (B, T), e.g. (1, N) for one text.");
        if (idx.shape[1] > _contextLength)
            throw new StudentFeedback($"Your code gave the model {idx.shape[1]} positions; its context window is {_contextLength}. Inputs are the first T tokens of each window of T + 1.");
        if (idx.numel() > 0 && (idx.min().item<long>() < 0 || idx.max().item<long>() >= _vocabulary))
            throw new StudentFeedback($"Your code gave the model a token id outside the vocabulary 0…{_vocabulary - 1}.");
        using var _ = no_grad();
        return _forward(idx).to(float32);                                       // (B, T, V)
    }
}
