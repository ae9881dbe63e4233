namespace GradingHost.Protocol;

/// <summary>A module the worker built or found, by handle, with what the checker needs to address its parts.</summary>
/// <param name="Children">every named sub-module (named_modules(), e.g. "blocks.0.attention") that is an nn.Module&lt;Tensor, Tensor&gt;</param>
/// <param name="Buffers">the names of registered buffers, so that a tensor registered as a buffer instead of a parameter can be told apart</param>
/// <param name="ExposesAttentionWeights">whether it implements the kit's IAttentionWeights</param>
public sealed record ModuleInfo(
    int Handle,
    string TypeName,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<string> Buffers,
    IReadOnlyList<string> Children,
    bool ExposesAttentionWeights);
