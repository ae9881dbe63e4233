using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// The seam between the attention checks and the student's code: the handout's class and field names,
/// bound once here, and the configs and inputs the checks use. Every call into the submission goes
/// through <see cref="Submission"/>, which runs it in the sandboxed worker.
/// </summary>
public static class Models
{
    public const string Namespace = "Homework.Attention";
    public const string Attention = "CausalSelfAttention";
    public const string Mlp = "Mlp";
    public const string Block = "TransformerBlock";
    public const string LanguageModel = "TinyLanguageModel";

    public static Implementation Submission { get; } = Implementation.Submission(Namespace);


    /// <summary>Explains NaN outputs by attention rows left with no visible key, which the diagonal and causal-mask items charge.</summary>
    public static EmptyAttentionRows EmptyRows { get; } = new(Submission, Attention, Config(16));

    /// <summary>(batch, time, width): T = 1, widths that are not powers of two, T past a typical tile size.</summary>
    public static readonly (int B, int T, int D)[] ShapeGrid = [(1, 1, 8), (2, 5, 12), (3, 7, 20), (2, 16, 32), (1, 33, 24)];

    public static IEnumerable<(int B, int T, TransformerConfig Config)> ShapeConfigs => ShapeGrid.Select(s => (s.B, s.T, Config(s.D)));

    public static TransformerConfig Config(int width, int contextLength = 64, int vocab = 50) =>
        new(VocabSize: vocab, ContextLength: contextLength, Width: width, Layers: 2);

    public static Tensor Inputs(int b, int t, int d, long seed) =>
        randn([b, t, d], generator: new Generator((ulong)seed));

    public static Tensor Tokens(int b, int t, int vocab, long seed) =>
        randint(0, vocab, [b, t], generator: new Generator((ulong)seed), dtype: int64);

    /// <summary>A's values, in float64 whatever precision the student computed in: the handout fixes the values, not the dtype.</summary>
    public static Tensor AttentionWeightsOf(ModuleUnderTest attention, Tensor x)
    {
        if (!attention.ExposesAttentionWeights)
            throw new StudentFeedback($"{Attention} must implement IAttentionWeights (the starter declares it) so the attention pattern can be checked.");
        return Compare.ExpectSomeFinite(attention.AttentionWeights(x, Attention), "Your attention weights").to(ScalarType.Float64);
    }
}
