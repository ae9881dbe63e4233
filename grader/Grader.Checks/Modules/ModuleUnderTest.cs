using Course.Kit;
using GradingHost.Protocol;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// A module the checks run, held by a worker: the submission's in the sandbox, or the reference's in
/// this process. Both answer through the same operations, so a check is written once for either; every
/// tensor that comes back is a copy, checked on arrival.
/// </summary>
public sealed class ModuleUnderTest
{
    private readonly WorkerConnection _worker;
    private readonly int _generation;
    private readonly int _handle;

    public ModuleUnderTest(WorkerConnection worker, ModuleInfo info)
    {
        (_worker, _generation, _handle) = (worker, worker.Generation, info.Handle);
        TypeName = info.TypeName;
        Parameters = info.Parameters ?? [];
        Buffers = info.Buffers ?? [];
        Children = info.Children ?? [];
        ExposesAttentionWeights = info.ExposesAttentionWeights;
    }

    public string TypeName { get; }
    public IReadOnlyList<ParameterInfo> Parameters { get; }
    public IReadOnlyList<string> Buffers { get; }
    public IReadOnlyList<string> Children { get; }
    public bool ExposesAttentionWeights { get; }
    public bool IsSubmission => _worker.IsSubmission;

    /// <summary>module.eval(): the checks compare modules in evaluation mode.</summary>
    public void Eval() => SetTraining(false, "Switching to evaluation mode");

    public void SetTraining(bool training, string doing) => Call(doing, w => w.SetTrainingAsync(_handle, training));

    /// <summary>forward(input) under no_grad.</summary>
    /// <param name="what">the module as the student knows it, e.g. "MLP"</param>
    public Tensor Forward(Tensor input, string what)
    {
        var doing = $"Running {Whose(what)} on input {Shapes.Show(input.shape)}";
        return _worker.Read(Call(doing, w => w.ForwardAsync(_handle, TensorWire.ToWire(input))), doing);
    }

    /// <summary>IAttentionWeights.AttentionWeights(input) under no_grad.</summary>
    public Tensor AttentionWeights(Tensor input, string what)
    {
        var doing = $"Calling {what}.AttentionWeights on input {Shapes.Show(input.shape)}";
        return _worker.Read(Call(doing, w => w.AttentionWeightsAsync(_handle, TensorWire.ToWire(input))), doing);
    }

    /// <summary>A sub-module by the handout's field name, e.g. "attention" of a block or "blocks.0.attention" of the model.</summary>
    public ModuleUnderTest Child(string name, string owner)
    {
        if (!Children.Contains(name))
            throw new StudentCodeFailed($"{Capitalised(Whose(owner))} has no sub-module named '{name}' (the handout's field name); the grader needs it to check the parts separately.");
        return new ModuleUnderTest(_worker, Call($"Looking up {Whose(owner)}'s '{name}'", w => w.ChildAsync(_handle, name)));
    }

    /// <summary>The parameters' current values, by name, in named_parameters() order.</summary>
    public IReadOnlyList<(string Name, Tensor Value)> ParameterValues(string what)
    {
        var doing = $"Reading the parameters of {Whose(what)}";
        return Call(doing, w => w.ParametersAsync(_handle)).Select(p => (p.Name, _worker.Read(p.Value, doing))).ToList();
    }

    /// <summary>Copies values into the parameters of those names, which must exist with those shapes.</summary>
    public void Load(IEnumerable<(string Name, Tensor Value)> values, string what) =>
        Call($"Loading weights into {Whose(what)}", w => w.LoadParametersAsync(_handle, values.Select(v => new NamedTensor(v.Name, TensorWire.ToWire(v.Value))).ToList()));

    /// <summary>Back-propagates sum(output ⊙ projection) (a fixed projection makes any output a scalar).</summary>
    public GradientResult BackwardOfProjection(Tensor input, Tensor projection, string what, bool inputGradient = false) =>
        Backward(input, new Objective(ObjectiveKind.Projection, TensorWire.ToWire(projection)), what, inputGradient);

    /// <summary>Back-propagates the kit's next-token loss of the logits against <paramref name="targets"/>.</summary>
    public GradientResult BackwardOfLoss(Tensor tokens, Tensor targets, string what) =>
        Backward(tokens, new Objective(ObjectiveKind.NextTokenLoss, TensorWire.ToWire(targets)), what, inputGradient: false);

    /// <summary>One AdamW step on sum(output ⊙ projection) over the module's parameters().</summary>
    public void OptimizerStep(Tensor input, Tensor projection, double learningRate, string what) =>
        Call($"Taking one AdamW step on {Whose(what)}",
            w => w.OptimizerStepAsync(_handle, TensorWire.ToWire(input), new Objective(ObjectiveKind.Projection, TensorWire.ToWire(projection)), learningRate));

    /// <summary>The kit's Trainer.Overfit on one fixed batch.</summary>
    public void Overfit(Tensor inputs, Tensor targets, int steps, double learningRate, string what) =>
        Call($"Training {Whose(what)} on one fixed batch",
            w => w.OverfitAsync(_handle, TensorWire.ToWire(inputs), TensorWire.ToWire(targets), steps, learningRate), Timeout.InfiniteTimeSpan);

    /// <summary>The kit's Trainer.Train on the Brown corpus's training split, as the profile says.</summary>
    public void Train(TrainingProfile profile, string what)
    {
        var doing = $"Training {Whose(what)} ({profile.Name} profile)";
        using var progress = TrainingProgress.Begin(doing, (long)profile.BatchSize * profile.ContextLength);
        Call(doing, w => w.TrainAsync(_handle, profile, "brown"), Timeout.InfiniteTimeSpan);
    }

    /// <summary>This module as an argument of a static method called in the same worker (e.g. the model handed to Generate).</summary>
    public Argument AsArgument()
    {
        EnsureCurrent("Passing the model to your code");
        return Argument.Module(_handle);
    }

    /// <summary>"your MLP", or "the reference's MLP" where a message mentions the reference.</summary>
    public string Whose(string what) => IsSubmission ? $"your {what}" : $"the reference's {what}";

    private GradientResult Backward(Tensor input, Objective objective, string what, bool inputGradient)
    {
        var doing = $"Back-propagating through {Whose(what)}";
        var result = Call(doing, w => w.BackwardAsync(_handle, TensorWire.ToWire(input), objective, inputGradient));
        return new GradientResult(
            _worker.Read(result.Output, doing),
            result.OutputRequiresGrad,
            result.InputGradient is null ? null : _worker.Read(result.InputGradient, doing),
            (result.ParameterGradients ?? []).Select(g => (g.Name, g.Value is null ? null : _worker.Read(g.Value, doing))).ToList());
    }

    private T Call<T>(string doing, Func<IWorker, Task<T>> call, TimeSpan? limit = null)
    {
        EnsureCurrent(doing);
        return _worker.Call(doing, call, limit);
    }

    private void Call(string doing, Func<IWorker, Task> call, TimeSpan? limit = null)
    {
        EnsureCurrent(doing);
        _worker.Call(doing, call, limit);
    }

    private void EnsureCurrent(string doing)
    {
        if (_worker.Generation != _generation)
            throw new StudentCodeFailed($"{doing} was not possible: the process running your code had to be restarted after an earlier failure in this check.");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
