using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The seam between the layer-norm checks and the student's code: the handout's class, field and
/// parameter names, bound once here, and the inputs the checks use. Every call into the submission
/// goes through <see cref="Submission"/>, which runs it in the sandboxed worker.
/// </summary>
public static class Models
{
    public const string Namespace = "Homework.LayerNorm";
    public const string Norm = "LayerNorm";
    public const string Block = "TransformerBlock";
    public const string LanguageModel = "TinyLanguageModel";

    /// <summary>The handout's ε, inside the square root.</summary>
    public const double Epsilon = 1e-5;

    public static Implementation Submission { get; } = Implementation.Submission(Namespace);


    /// <summary>Explains NaN outputs by attention rows (HW2 Q1's code, handed in again) left with no visible key.</summary>
    public static EmptyAttentionRows EmptyRows { get; } = new(Implementation.Submission("Homework.Attention"), "CausalSelfAttention", Config(16));

    public static TransformerConfig Config(int width, int contextLength = 64, int vocab = 50) =>
        new(VocabSize: vocab, ContextLength: contextLength, Width: width, Layers: 2);

    /// <summary>Inputs of every rank a norm over the last dimension must accept: (B, T, d), (T, d), (d), (B, H, T, d), and T = 1.</summary>
    public static long[][] NormShapes(int d) => [[2, 5, d], [7, d], [d], [2, 3, 4, d], [1, 1, d]];

    /// <summary>Normal inputs with mean <paramref name="offset"/> and standard deviation <paramref name="scale"/>.</summary>
    public static Tensor Inputs(long[] shape, long seed, double scale = 1.0, double offset = 0.0) =>
        randn(shape, generator: new Generator((ulong)seed)) * scale + offset;

    public static Tensor Tokens(int b, int t, int vocab, long seed) =>
        randint(0, vocab, [b, t], generator: new Generator((ulong)seed), dtype: int64);

    /// <summary>The expected value: the library's layer norm over the last dimension with the same γ, β and ε.</summary>
    public static Tensor LibraryLayerNorm(Tensor h, Tensor? gamma = null, Tensor? beta = null) =>
        nn.functional.layer_norm(h, [h.shape[^1]], gamma, beta, Epsilon);

    /// <summary>The norm's γ or β as registered: its value and its description; a buffer or a missing field is feedback.</summary>
    public static (Tensor Value, Protocol.ParameterInfo Info) NamedParameter(ModuleUnderTest norm, string name)
    {
        var info = norm.Parameters.FirstOrDefault(p => p.Name == name);
        if (info is null)
            throw new StudentFeedback(norm.Buffers.Contains(name)
                ? $"Your {Norm}'s '{name}' is a plain tensor (registered as a buffer), not a parameter: wrap it in nn.Parameter so that it is learnt."
                : $"Your {Norm} has no parameter named '{name}' (parameters found: {(norm.Parameters.Count == 0 ? "none" : string.Join(", ", norm.Parameters.Select(p => p.Name)))}). " +
                  $"Declare the field '{name}' as a Parameter and call RegisterComponents() in the constructor.");
        return (norm.ParameterValues(Norm).First(p => p.Name == name).Value, info);
    }

    /// <summary>A fresh norm of width d whose γ and β are set to values far from 1 and 0, so that mixing them up shows.</summary>
    public static (ModuleUnderTest Norm, Tensor Gamma, Tensor Beta) NormWithAffine(int d, long seed)
    {
        var norm = Submission.Create(Norm, Config(d), seed);
        var generator = new Generator((ulong)seed);
        var gamma = randn([d], generator: generator) * 0.7 + 1.3;
        var beta = randn([d], generator: generator) * 0.5 - 0.2;
        foreach (var (name, value) in new[] { ("gamma", gamma), ("beta", beta) })
        {
            var shape = NamedParameter(norm, name).Info.Shape;
            if (!shape.SequenceEqual(value.shape))
                throw new StudentFeedback($"Your {Norm}'s '{name}' has shape {Shapes.Show(shape)}; the handout says (d) = {Shapes.Show(value.shape)}.");
        }
        norm.Load([("gamma", gamma), ("beta", beta)], Norm);
        return (norm, gamma, beta);
    }

    /// <summary>Adds noise of the given scale to every γ and β of a module (norms that start alike then differ).</summary>
    public static void PerturbNorms(ModuleUnderTest module, ulong seed, double scale, string what)
    {
        var generator = new Generator(seed);
        module.Load(module.ParameterValues(what)
            .Where(p => p.Name.EndsWith(".gamma", StringComparison.Ordinal) || p.Name.EndsWith(".beta", StringComparison.Ordinal))
            .Select(p => (p.Name, p.Value + randn(p.Value.shape, generator: generator) * scale)).ToList(), what);
    }
}
