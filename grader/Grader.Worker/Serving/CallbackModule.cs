using GradingHost.Protocol;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GradingHost.Worker.Serving;

/// <summary>
/// A language model whose forward pass the checker computes: the student's Generate runs against it and
/// the checker sees every input it was given. It has one unused parameter, as a real model has
/// parameters, so that code finding the device through parameters().First() works.
/// </summary>
public sealed class CallbackModule : nn.Module<Tensor, Tensor>
{
    private readonly int _probe;
    private readonly ICheckerCallbacks _checker;

    public CallbackModule(int probe, ICheckerCallbacks checker) : base("ProbeLanguageModel")
    {
        (_probe, _checker) = (probe, checker);
        register_parameter("unused", new Parameter(zeros(1)));
    }

    public override Tensor forward(Tensor idx) => Answer(_checker.ProbeForwardAsync(_probe, TensorWire.ToWire(idx)));

    /// <summary>A Func&lt;Tensor, Tensor&gt; the checker answers, e.g. a sample function that records what it returned.</summary>
    public static Func<Tensor, Tensor> Function(int probe, ICheckerCallbacks checker) =>
        input => Answer(checker.ProbeFunctionAsync(probe, TensorWire.ToWire(input)));

    private static Tensor Answer(Task<TensorData> call)
    {
        try
        {
            return TensorWire.FromWire(call.GetAwaiter().GetResult());
        }
        catch (StreamJsonRpc.RemoteInvocationException e)
        {
            // The checker refused the input; it keeps its own record of why, whatever the student's code does with this.
            throw new InvalidOperationException($"The grader's stand-in refused this call: {e.Message}");
        }
    }
}
