namespace GradingHost.Protocol;

public enum ArgumentKind
{
    Null,
    Tensor,
    Double,
    Int32,
    Int64,
    Int64Array,
    /// <summary>A torch.Generator the worker holds (<see cref="IWorker.CreateGeneratorAsync"/>).</summary>
    Generator,
    /// <summary>A module the worker holds.</summary>
    Module,
    /// <summary>An nn.Module&lt;Tensor, Tensor&gt; whose forward the checker answers (<see cref="ICheckerCallbacks.ProbeForwardAsync"/>).</summary>
    ProbeModule,
    /// <summary>A Func&lt;Tensor, Tensor&gt; the checker answers (<see cref="ICheckerCallbacks.ProbeFunctionAsync"/>).</summary>
    ProbeFunction,
    /// <summary>Left out of the call: the parameter takes the default value the submission's signature gives it.</summary>
    Omitted,
    /// <summary>A Func&lt;Tensor, Tensor&gt; that calls a static method of the submission with the tensor first and <see cref="Argument.Bound"/> after it.</summary>
    SubmissionFunction,
}
