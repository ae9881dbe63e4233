using StreamJsonRpc;

namespace GradingHost.Protocol;

/// <summary>
/// Calls the worker makes back into the checker while student code runs: the forward pass of a model
/// the checker answers (so it sees exactly what the student's code fed it) and functions it answers
/// (a sample function that records what it returned).
/// </summary>
[JsonRpcContract]
public partial interface ICheckerCallbacks
{
    Task<TensorData> ProbeForwardAsync(int probe, TensorData input);

    Task<TensorData> ProbeFunctionAsync(int probe, TensorData input);
}
