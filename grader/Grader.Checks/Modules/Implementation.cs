using System.Reflection;
using Course.Kit;
using GradingHost.Protocol;

namespace GradingHost.Checks;

/// <summary>
/// One implementation of an assignment's API: the submission's (in the sandboxed worker) or a
/// reference's (in this process), whose classes the checks build by the handout's names.
/// </summary>
/// <param name="worker">looked up at each use: the submission's worker is each grading's own</param>
public sealed class Implementation(Func<WorkerConnection> worker, string @namespace)
{
    public WorkerConnection Worker => worker();

    public string Namespace { get; } = @namespace;

    /// <summary>The submission's classes in <paramref name="namespace"/>.</summary>
    public static Implementation Submission(string @namespace) => new(() => WorkerConnection.ForSubmission, @namespace);

    /// <summary>A reference's classes, from the assembly that holds <paramref name="anyType"/>.</summary>
    public static Implementation Reference(Type anyType, string @namespace)
    {
        var connection = References.GetOrAdd(anyType.Assembly, a => WorkerConnection.InProcess(a, isSubmission: false));
        return new(() => connection, @namespace);
    }

    /// <summary>new <paramref name="typeName"/>(config) after torch.manual_seed(<paramref name="seed"/>).</summary>
    public ModuleUnderTest Create(string typeName, TransformerConfig config, long seed) =>
        new(Worker, Worker.Call($"Constructing {(Worker.IsSubmission ? "your" : "the reference's")} {typeName}",
            w => w.CreateModuleAsync($"{Namespace}.{typeName}", config, seed)));

    /// <summary>Builds <paramref name="typeName"/> in both implementations, with the reference's weights in both, in evaluation mode.</summary>
    public static (ModuleUnderTest Submission, ModuleUnderTest Reference) Pair(
        Implementation submission, Implementation reference, string typeName, TransformerConfig config, long seed)
    {
        var referenceModule = reference.Create(typeName, config, seed);
        var submissionModule = submission.Create(typeName, config, seed);
        Weights.Copy(referenceModule, submissionModule, typeName);
        referenceModule.Eval();
        submissionModule.Eval();
        return (submissionModule, referenceModule);
    }

    /// <summary>Calls the public static method <paramref name="typeName"/>.<paramref name="method"/> <paramref name="times"/> times, with fresh tensor arguments each time.</summary>
    public IReadOnlyList<Returned> Invoke(string typeName, string method, IReadOnlyList<Argument> arguments, string doing, int times = 1, TimeSpan? limit = null) =>
        Worker.Call(doing, w => w.InvokeAsync(new StaticCall($"{Namespace}.{typeName}", method, arguments), times), limit);

    /// <summary>
    /// One call of a static method whose answer is a floating-point tensor of <paramref name="shape"/> (null: a
    /// single number, shape () or (1)), read and checked, in float64. A stand-in model's own feedback
    /// (<paramref name="standIn"/>: an input no language model takes) is thrown before what the student's code made of it.
    /// </summary>
    public TorchSharp.torch.Tensor InvokeForNumbers(string typeName, string method, IReadOnlyList<Argument> arguments, string doing, long[]? shape, Probe? standIn = null, TimeSpan? limit = null)
    {
        Returned returned;
        try
        {
            returned = Invoke(typeName, method, arguments, doing, limit: limit).Single();
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed)
        {
            standIn?.ThrowIfFailed();
            throw;
        }
        standIn?.ThrowIfFailed();
        if (returned.Tensor is null)
            throw new StudentCodeFailed($"{doing}: it returned null; it returns a tensor.");
        var result = Worker.Read(returned.Tensor, doing);
        if (!result.is_floating_point())
            throw new StudentFeedback($"{doing}: it returned {result.dtype} values; the answer is a floating-point tensor (float32 or float64).");
        if (shape is null ? result.numel() != 1 : !result.shape.SequenceEqual(shape))
            throw new StudentFeedback($"{doing}: it returned shape {Shapes.Show(result.shape)}; expected {(shape is null ? "a single number, shape () or (1)" : Shapes.Show(shape))}.");
        return result.to(TorchSharp.torch.float64);
    }

    /// <summary>A torch.Generator seeded with <paramref name="seed"/>, held by the worker, as an argument.</summary>
    public Argument Generator(ulong seed) =>
        Argument.Generator(Worker.Call("Creating a random-number generator", w => w.CreateGeneratorAsync(seed)));

    /// <summary>torch.manual_seed(<paramref name="seed"/>) where the implementation runs.</summary>
    public void ManualSeed(long seed) => Worker.Call("Seeding torch's global generator", w => w.ManualSeedAsync(seed));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, WorkerConnection> References = new();
}
