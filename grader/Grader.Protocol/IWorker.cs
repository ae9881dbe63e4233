using Course.Kit;
using StreamJsonRpc;

namespace GradingHost.Protocol;

/// <summary>
/// What the sandboxed worker does for the checker: the only way a check reaches student code. Every
/// method runs the student's code and returns the student's answer, which the checker validates and
/// judges; none of them returns a verdict. Student exceptions arrive as <see cref="StudentFault"/>
/// (error code <see cref="FaultCodes.StudentCode"/>).
/// </summary>
[JsonRpcContract]
public partial interface IWorker
{
    /// <summary>Answers once the worker is ready: libtorch loaded, the protocol's serialisers warm. Runs no student code.</summary>
    Task ReadyAsync();

    /// <summary>Builds the submission's <paramref name="typeName"/> from <paramref name="config"/> after torch.manual_seed(<paramref name="seed"/>).</summary>
    Task<ModuleInfo> CreateModuleAsync(string typeName, TransformerConfig config, long seed);

    /// <summary>A named sub-module of <paramref name="module"/> (a name from its <see cref="ModuleInfo.Children"/>).</summary>
    Task<ModuleInfo> ChildAsync(int module, string name);

    /// <summary>module.train() or module.eval().</summary>
    Task SetTrainingAsync(int module, bool training);

    /// <summary>module.forward(input), under no_grad.</summary>
    Task<TensorData> ForwardAsync(int module, TensorData input);

    /// <summary>IAttentionWeights.AttentionWeights(input), under no_grad.</summary>
    Task<TensorData> AttentionWeightsAsync(int module, TensorData input);

    /// <summary>The module's parameters, in named_parameters() order.</summary>
    Task<IReadOnlyList<NamedTensor>> ParametersAsync(int module);

    /// <summary>Copies values into the parameters of those names (the checker has checked names and shapes).</summary>
    Task LoadParametersAsync(int module, IReadOnlyList<NamedTensor> values);

    /// <summary>Zeroes the gradients, runs forward with autograd, back-propagates the objective and returns what it reached.</summary>
    Task<BackwardResult> BackwardAsync(int module, TensorData input, Objective objective, bool inputGradient);

    /// <summary>One AdamW step (the kit's optimiser settings) on the objective of one forward pass.</summary>
    Task OptimizerStepAsync(int module, TensorData input, Objective objective, double learningRate);

    /// <summary>The kit's Trainer.Overfit on one fixed batch; the losses are the worker's report, for messages only.</summary>
    Task<IReadOnlyList<double>> OverfitAsync(int module, TensorData inputs, TensorData targets, int steps, double learningRate);

    /// <summary>The kit's Trainer.Train on the named corpus's training split with the profile (its seed drives the batches).</summary>
    Task<IReadOnlyList<double>> TrainAsync(int module, TrainingProfile profile, string corpus);

    /// <summary>torch.manual_seed, for checks that change the global generator between calls.</summary>
    Task ManualSeedAsync(long seed);

    /// <summary>A torch.Generator seeded with <paramref name="seed"/>, kept in the worker for later calls.</summary>
    Task<int> CreateGeneratorAsync(ulong seed);

    /// <summary>Calls a public static method of the submission <paramref name="times"/> times, with fresh copies of tensor arguments each time.</summary>
    Task<IReadOnlyList<Returned>> InvokeAsync(StaticCall call, int times);

    /// <summary>Forgets a module or generator.</summary>
    Task ReleaseAsync(int handle);
}
