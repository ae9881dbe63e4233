using StreamJsonRpc;

namespace GradingHost.Protocol;

/// <summary>
/// Calls the worker makes back into the checker while student code runs: the forward pass of a model
/// the checker answers (so it sees exactly what the student's code fed it) and functions it answers
/// (a sample function that records what it returned), and how far a training the checker asked for has got.
/// </summary>
[JsonRpcContract]
public partial interface ICheckerCallbacks
{
    Task<TensorData> ProbeForwardAsync(int probe, TensorData input);

    Task<TensorData> ProbeFunctionAsync(int probe, TensorData input);

    /// <summary><paramref name="step"/> of <paramref name="steps"/> training steps are done (a progress display; sent at most four times a second, and at the last step).</summary>
    Task TrainingProgressAsync(int step, int steps);
}
