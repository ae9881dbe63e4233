using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// A function the checker answers while student code runs in the worker (the forward pass of a stand-in
/// model, a sample function). Feedback it raises is kept here, so the check can report it whatever the
/// student's code did with the error it received.
/// </summary>
public sealed class Probe(int id, Func<Tensor, Tensor> answer) : IDisposable
{
    private Action<int>? _unregister;

    public int Id { get; } = id;

    /// <summary>The first feedback the probe raised (e.g. "Generate gave the model 9 tokens"), or null.</summary>
    public StudentFeedback? Failure { get; private set; }

    internal void OnDispose(Action<int> unregister) => _unregister = unregister;

    internal Tensor Answer(Tensor input)
    {
        try
        {
            return answer(input);
        }
        catch (StudentFeedback e)
        {
            Failure ??= e;
            throw;
        }
    }

    /// <summary>Throws the probe's own feedback, which explains a failure better than what the student's code made of it.</summary>
    public void ThrowIfFailed()
    {
        if (Failure is not null)
            throw Failure;
    }

    public void Dispose() => _unregister?.Invoke(Id);
}
