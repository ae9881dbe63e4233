using GradingHost.Protocol;

namespace GradingHost.Checks;

/// <summary>The checker's side of <see cref="ICheckerCallbacks"/>: routes the worker's calls to the registered <see cref="Probe"/>s, and its training steps to <see cref="TrainingProgress"/>.</summary>
public sealed class CheckerCallbacks : ICheckerCallbacks
{
    private readonly Dictionary<int, Probe> _probes = [];
    private int _next;

    public Probe Register(Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> answer)
    {
        lock (_probes)
        {
            var probe = new Probe(++_next, answer);
            _probes[probe.Id] = probe;
            probe.OnDispose(id =>
            {
                lock (_probes)
                    _probes.Remove(id);
            });
            return probe;
        }
    }

    public Task<TensorData> ProbeForwardAsync(int probe, TensorData input) => Answer(probe, input);

    public Task<TensorData> ProbeFunctionAsync(int probe, TensorData input) => Answer(probe, input);

    public Task TrainingProgressAsync(int step, int steps)
    {
        TrainingProgress.Step(step, steps);
        return Task.CompletedTask;
    }

    private Task<TensorData> Answer(int id, TensorData input)
    {
        Probe? probe;
        lock (_probes)
            probe = _probes.GetValueOrDefault(id);
        if (probe is null)
            throw new InvalidOperationException($"no probe {id}");
        using var scope = TorchSharp.torch.NewDisposeScope();
        return Task.FromResult(TensorWire.ToWire(probe.Answer(TensorWire.FromWire(input))));
    }
}
