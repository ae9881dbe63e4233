using System.Reflection;
using Course.Kit;
using GradingHost.Protocol;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Worker.Serving;

/// <summary>
/// The worker's side of <see cref="IWorker"/>: builds the submission's modules by the names the checker
/// gives, runs them, and returns what they computed. Student code runs through <see cref="StudentCode"/>;
/// every tensor it returns is copied out in its own dispose scope.
/// </summary>
public sealed class WorkerService(Assembly submission, ICheckerCallbacks checker) : IWorker
{
    private readonly Handles _handles = new();
    private readonly StudentCode _student = new(submission);

    public Task ReadyAsync()
    {
        using var scope = NewDisposeScope();
        _ = TensorWire.FromWire(TensorWire.ToWire(zeros(1) + 1));
        return Task.CompletedTask;
    }

    public Task<ModuleInfo> CreateModuleAsync(string typeName, TransformerConfig config, long seed)
    {
        var type = submission.GetType(typeName)
            ?? throw StudentCode.Contract($"There is no public class {typeName} in your submission; the handout's API names it exactly so.");
        var name = type.Name;
        var constructor = type.GetConstructor([typeof(TransformerConfig)])
            ?? throw StudentCode.Contract($"{typeName} needs a public constructor {name}(TransformerConfig config).");
        if (!typeof(nn.Module<Tensor, Tensor>).IsAssignableFrom(type))
            throw StudentCode.Contract($"{typeName} must derive from nn.Module<Tensor, Tensor>, as the starter's class does.");
        // Not in a dispose scope: the parameters the constructor creates must outlive this call.
        var module = _student.Run(() =>
        {
            manual_seed(seed);
            return (nn.Module<Tensor, Tensor>)constructor.Invoke([config]);
        });
        return Task.FromResult(Describe(module));
    }

    public Task<ModuleInfo> ChildAsync(int module, string name)
    {
        var child = _student.Run(() => Module(module).named_modules().FirstOrDefault(m => m.name == name).module) as nn.Module<Tensor, Tensor>
            ?? throw StudentCode.Contract($"There is no sub-module named '{name}' (the handout's field name).");
        return Task.FromResult(Describe(child));
    }

    public Task SetTrainingAsync(int module, bool training)
    {
        var target = Module(module);
        _student.Run(() => target.train(training));
        return Task.CompletedTask;
    }

    public Task<TensorData> ForwardAsync(int module, TensorData input)
    {
        var target = Module(module);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = OnDeviceOf(target, TensorWire.FromWire(input));
        return Task.FromResult(Answer(_student.Run(() => target.forward(x))));
    }

    public Task<TensorData> AttentionWeightsAsync(int module, TensorData input)
    {
        var target = Module(module);
        if (target is not IAttentionWeights exposed)
            throw StudentCode.Contract($"{target.GetType().Name} must implement IAttentionWeights (the starter declares it) so that its attention pattern can be checked.");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = OnDeviceOf(target, TensorWire.FromWire(input));
        return Task.FromResult(Answer(_student.Run(() => exposed.AttentionWeights(x))));
    }

    public Task<IReadOnlyList<NamedTensor>> ParametersAsync(int module)
    {
        var target = Module(module);
        using var scope = NewDisposeScope();
        var parameters = _student.Run(() => target.named_parameters().ToList());
        return Task.FromResult<IReadOnlyList<NamedTensor>>(parameters.Select(p => new NamedTensor(p.name, Answer(p.parameter))).ToList());
    }

    public Task LoadParametersAsync(int module, IReadOnlyList<NamedTensor> values)
    {
        var target = Module(module);
        using var scope = NewDisposeScope();
        var parameters = _student.Run(() => target.named_parameters().ToDictionary(p => p.name, p => p.parameter));
        using var _ = no_grad();
        foreach (var value in values)
        {
            if (!parameters.TryGetValue(value.Name, out var parameter) || value.Value is null)
                throw StudentCode.Contract($"There is no parameter named '{value.Name}'.");
            var source = TensorWire.FromWire(value.Value);
            if (!source.shape.SequenceEqual(parameter.shape))
                throw StudentCode.Contract($"Parameter {value.Name} has shape ({string.Join(", ", parameter.shape)}); the handout says ({string.Join(", ", source.shape)}).");
            parameter.copy_(source.to(parameter.dtype, parameter.device));
        }
        return Task.CompletedTask;
    }

    public Task<BackwardResult> BackwardAsync(int module, TensorData input, Objective objective, bool inputGradient)
    {
        var target = Module(module);
        using var scope = NewDisposeScope();
        var x = OnDeviceOf(target, TensorWire.FromWire(input));
        if (inputGradient)
            x.requires_grad_(true);
        var towards = TensorWire.FromWire(objective.Tensor);
        _student.Run(() => target.zero_grad());
        var output = _student.Run(() => target.forward(x));
        var requiresGrad = output.requires_grad;
        if (requiresGrad)
            _student.Run(() => Scalar(output, objective.Kind, towards).backward());
        var gradients = _student.Run(() => target.named_parameters().ToList())
            .Select(p => new NamedTensor(p.name, p.parameter.grad is { } grad ? Answer(grad) : null)).ToList();
        return Task.FromResult(new BackwardResult(Answer(output), requiresGrad, inputGradient && x.grad is { } g ? Answer(g) : null, gradients));
    }

    public Task OptimizerStepAsync(int module, TensorData input, Objective objective, double learningRate)
    {
        var target = Module(module);
        using var scope = NewDisposeScope();
        var x = OnDeviceOf(target, TensorWire.FromWire(input));
        var towards = TensorWire.FromWire(objective.Tensor);
        _student.Run(() =>
        {
            using var optimizer = optim.AdamW(target.parameters(), lr: learningRate);
            optimizer.zero_grad();
            var scalar = Scalar(target.forward(x), objective.Kind, towards);
            scalar.backward();
            optimizer.step();
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<double>> OverfitAsync(int module, TensorData inputs, TensorData targets, int steps, double learningRate)
    {
        var target = Module(module);
        var x = TensorWire.FromWire(inputs);
        var y = TensorWire.FromWire(targets);
        return Task.FromResult(_student.Run(() => Trainer.Overfit(target, x, y, steps, learningRate)));
    }

    public Task<IReadOnlyList<double>> TrainAsync(int module, TrainingProfile profile, string corpus)
    {
        var target = Module(module);
        var data = corpus switch
        {
            "brown" => BrownCorpus.Instance.Train,
            _ => throw new ArgumentException($"the worker has no corpus '{corpus}'"),
        };
        var reported = System.Diagnostics.Stopwatch.StartNew();
        void OnStep(int step, double loss)
        {
            if (step + 1 < profile.Steps && reported.Elapsed < ProgressInterval)
                return;
            reported.Restart();
            checker.TrainingProgressAsync(step + 1, profile.Steps).GetAwaiter().GetResult();
        }
        return Task.FromResult(_student.Run(() => Trainer.Train(target, data, profile, new Generator(profile.Seed), OnStep)));
    }

    /// <summary>
    /// Bounds the calls back to the checker, not the display: TrainingProgress writes a line a second, and a
    /// step reported more often than that always gives it a fresh one (at a second here, every other would be dropped).
    /// </summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public Task ManualSeedAsync(long seed)
    {
        manual_seed(seed);
        return Task.CompletedTask;
    }

    public Task<int> CreateGeneratorAsync(ulong seed) => Task.FromResult(_handles.Add(new Generator(seed)));

    public Task<IReadOnlyList<Returned>> InvokeAsync(StaticCall call, int times)
    {
        var method = StaticMethods.Find(submission, call);
        var invoker = MethodInvoker.Create(method);
        var parameters = method.GetParameters();
        // Tensor arguments are decoded once and copied for each call.
        using var templates = NewDisposeScope();
        var decoded = call.Arguments.Select((a, k) => a.Kind == ArgumentKind.Tensor ? Bind(a, parameters[k]) : null).ToArray();
        var results = new List<Returned>(times);
        for (var i = 0; i < times; i++)
        {
            using var scope = NewDisposeScope();
            // Fresh arguments each time: a call that edits its input in place must not change the next one.
            var arguments = call.Arguments.Select((a, k) => decoded[k] is Tensor t ? t.clone() : Bind(a, parameters[k])).ToArray();
            var value = _student.Run(() => invoker.Invoke(null, arguments.AsSpan()));
            // A module argument may gain parameters in the call (LoRA's adapters): they are the module's now, not this call's to dispose.
            foreach (var module in arguments.OfType<nn.Module>())
                _student.Run(() => KeepBeyondThisScope(module));
            results.Add(value switch
            {
                null => new Returned(null, null),
                Tensor t => new Returned(Answer(t), null),
                long[] ids => new Returned(null, (long[])ids.Clone()),
                _ => throw StudentCode.Contract($"{call.Method} returned a {value.GetType().Name}; the handout's API returns {method.ReturnType.Name}."),
            });
        }
        return Task.FromResult<IReadOnlyList<Returned>>(results);
    }

    public Task ReleaseAsync(int handle)
    {
        _handles.Release(handle);
        return Task.CompletedTask;
    }

    private object? Bind(Argument argument, System.Reflection.ParameterInfo parameter) => argument.Kind switch
    {
        ArgumentKind.Null => null,
        // StaticMethods.Find matched only a parameter with a default value to it.
        ArgumentKind.Omitted => parameter.DefaultValue,
        ArgumentKind.Tensor => TensorWire.FromWire(argument.Tensor ?? throw new ArgumentException("a tensor argument without a tensor")),
        ArgumentKind.Double => argument.Number,
        ArgumentKind.Int32 => checked((int)argument.Integer),
        ArgumentKind.Int64 => argument.Integer,
        ArgumentKind.Int64Array => (long[])(argument.Integers ?? []).Clone(),
        ArgumentKind.Generator => _handles.Get<Generator>(argument.Handle),
        ArgumentKind.Module => Module(argument.Handle),
        ArgumentKind.ProbeModule => new CallbackModule(argument.Handle, checker),
        ArgumentKind.ProbeFunction => CallbackModule.Function(argument.Handle, checker),
        ArgumentKind.SubmissionFunction => SubmissionFunction(argument.Bound ?? throw new ArgumentException("a function argument without a method")),
        _ => throw new ArgumentException($"unknown argument kind {argument.Kind} for the parameter {parameter.Name}"),
    };

    /// <summary>t ↦ Method(t, bound arguments…): e.g. the student's sampler with τ and a generator, handed to the student's Generate.</summary>
    private Func<Tensor, Tensor> SubmissionFunction(StaticCall bound)
    {
        var method = StaticMethods.Find(submission, bound with { Arguments = [new Argument(ArgumentKind.Tensor), .. bound.Arguments] });
        var parameters = method.GetParameters();
        var rest = bound.Arguments.Select((a, k) => Bind(a, parameters[k + 1])).ToArray();
        return t => method.Invoke(null, [t, .. rest]) as Tensor
                    ?? throw new InvalidOperationException($"{bound.Method} returned null instead of a tensor.");
    }

    private static void KeepBeyondThisScope(nn.Module module)
    {
        foreach (var parameter in module.parameters())
            parameter.DetachFromDisposeScope();
        foreach (var buffer in module.buffers())
            buffer.DetachFromDisposeScope();
    }

    private nn.Module<Tensor, Tensor> Module(int handle) => _handles.Get<nn.Module<Tensor, Tensor>>(handle);

    private ModuleInfo Describe(nn.Module<Tensor, Tensor> module)
    {
        var (parameters, buffers, children) = _student.Run(() => (
            module.named_parameters().Select(p => new Protocol.ParameterInfo(p.name, p.parameter.shape, p.parameter.dtype.ToString(), p.parameter.requires_grad)).ToList(),
            module.named_buffers().Select(b => b.name).ToList(),
            module.named_modules().Where(m => m.name.Length > 0 && m.module is nn.Module<Tensor, Tensor>).Select(m => m.name).ToList()));
        return new ModuleInfo(_handles.Add(module), module.GetType().FullName ?? module.GetType().Name, parameters, buffers, children, module is IAttentionWeights);
    }

    /// <summary>A tensor the student's code returned, copied out; a dtype that cannot travel is the student's to fix.</summary>
    private static TensorData Answer(Tensor tensor)
    {
        try
        {
            return TensorWire.ToWire(tensor);
        }
        catch (NotSupportedException e)
        {
            throw StudentCode.Contract($"Your code returned {e.Message}.");
        }
    }

    private static Tensor OnDeviceOf(nn.Module<Tensor, Tensor> module, Tensor input) => input.to(Devices.Of(module));

    private static Tensor Scalar(Tensor output, ObjectiveKind kind, Tensor towards) => kind switch
    {
        ObjectiveKind.Projection => (output.to(float32) * towards.to(output.device)).sum(),
        ObjectiveKind.NextTokenLoss => LanguageModeling.Loss(output, towards.to(output.device)),
        _ => throw new ArgumentException($"unknown objective {kind}"),
    };
}
