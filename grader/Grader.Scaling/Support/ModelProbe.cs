using Course.Kit;
using GradingHost.Protocol;
using static TorchSharp.torch;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// A language model the student's code calls in the worker, answered here in the checker by
/// <paramref name="forward"/> (a trained family member, or a stand-in whose predictions are known). It
/// takes what a real model takes, int64 ids (B, T) inside the vocabulary, and refuses anything else with
/// feedback that says so.
/// </summary>
public sealed class ModelProbe : IDisposable
{
    private readonly Probe _probe;
    private readonly int _vocabulary;
    private readonly Func<Tensor, Tensor> _forward;

    public ModelProbe(int vocabulary, Func<Tensor, Tensor> forward)
    {
        (_vocabulary, _forward) = (vocabulary, forward);
        _probe = Models.Code.Worker.Callbacks.Register(Forward);
    }

    /// <summary>A family member, answered here.</summary>
    public static ModelProbe Of(NeuralNGramModel model) => new(model.Config.VocabSize, model.forward);

    public Argument Argument => Argument.ProbeModule(_probe.Id);

    /// <summary>The checker's side of the stand-in, whose own feedback explains a failure best.</summary>
    public Probe Probe => _probe;

    public void Dispose() => _probe.Dispose();

    private Tensor Forward(Tensor idx)
    {
        if (idx.dim() != 2 || idx.dtype != ScalarType.Int64)
            throw new StudentFeedback($"Your code gave the model a {idx.dtype} tensor of shape {Shapes.Show(idx.shape)}; a language model takes int64 token ids of shape (B, T), e.g. (1, N) for one text.");
        if (idx.numel() > 0 && (idx.min().item<long>() < 0 || idx.max().item<long>() >= _vocabulary))
            throw new StudentFeedback($"Your code gave the model a token id outside the vocabulary 0…{_vocabulary - 1}.");
        using var _ = no_grad();
        return _forward(idx).to(float32);                                       // (B, T, V)
    }
}
