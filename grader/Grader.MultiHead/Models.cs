using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The seam between the multi-head checks and the student's code: the handout's class, field and
/// parameter names, bound once here, and the configs and inputs the checks use. Every call into the
/// submission goes through <see cref="Submission"/> or <see cref="SubmissionMlp"/>, in the sandboxed worker.
/// </summary>
public static class Models
{
    public const string Namespace = "Homework.MultiHead";
    public const string Attention = "MultiHeadAttention";
    public const string Block = "TransformerBlock";
    public const string LanguageModel = "TinyLanguageModel";

    /// <summary>The MLP is HW2 Q1's, in HW2 Q1's namespace; students hand it in again with this assignment.</summary>
    public const string MlpNamespace = "Homework.Attention";
    public const string Mlp = "Mlp";

    /// <summary>The homework's multi-head model: the heads of every trained model.</summary>
    public const int TrainingHeads = 4;

    public static Implementation Submission { get; } = Implementation.Submission(Namespace);


    public static Implementation SubmissionMlp { get; } = Implementation.Submission(MlpNamespace);

    /// <summary>Explains NaN outputs by attention rows left with no visible key, which the causal-mask item charges.</summary>
    public static EmptyAttentionRows EmptyRows { get; } = new(Submission, Attention, Config(16, 4));

    /// <summary>(batch, time, width, heads): T = 1, one head, head sizes 1 to 12, widths that are not powers of two.</summary>
    public static readonly (int B, int T, int D, int N)[] ShapeGrid =
        [(1, 1, 8, 1), (2, 5, 12, 2), (3, 7, 20, 4), (2, 16, 32, 8), (1, 33, 24, 3), (2, 1, 16, 4), (2, 6, 8, 8)];

    public static IEnumerable<(int B, int T, TransformerConfig Config)> ShapeConfigs => ShapeGrid.Select(s => (s.B, s.T, Config(s.D, s.N)));

    public static TransformerConfig Config(int width, int heads, int contextLength = 64, int vocab = 50) =>
        new(VocabSize: vocab, ContextLength: contextLength, Width: width, Layers: 2, Heads: heads);

    public static Tensor Inputs(int b, int t, int d, long seed) =>
        randn([b, t, d], generator: new Generator((ulong)seed));

    public static Tensor Tokens(int b, int t, int vocab, long seed) =>
        randint(0, vocab, [b, t], generator: new Generator((ulong)seed), dtype: int64);

    /// <summary>The per-head weights, which must have shape (B, n, T, T); in float64 whatever precision the student computed in.</summary>
    public static Tensor AttentionWeightsOf(ModuleUnderTest attention, Tensor x, int heads)
    {
        if (!attention.ExposesAttentionWeights)
            throw new StudentFeedback($"{Attention} must implement IAttentionWeights (the starter declares it) so the attention pattern of every head can be checked.");
        var weights = attention.AttentionWeights(x, $"{Attention} with {heads} heads");
        long[] expected = [x.shape[0], heads, x.shape[1], x.shape[1]];
        if (!weights.shape.SequenceEqual(expected))
            throw new StudentFeedback(
                $"AttentionWeights returned shape {Shapes.Show(weights.shape)} for input {Shapes.Show(x.shape)} with n = {heads} heads; " +
                $"expected {Shapes.Show(expected)}: one (T, T) matrix per sequence and head.");
        return Compare.ExpectSomeFinite(weights, "Your attention weights").to(ScalarType.Float64);
    }

    /// <summary>Features h·d/n … (h+1)·d/n − 1, the slice of the feature axis that belongs to head h.</summary>
    public static TensorIndex HeadSlice(int head, int headSize) => TensorIndex.Slice(head * headSize, (head + 1) * headSize);

    /// <summary>Sets W_Q, W_K, W_V and W_O to the identity, so each head sees the input's own features.</summary>
    public static void UseIdentityProjections(ModuleUnderTest attention, int width)
    {
        string[] names = ["query.weight", "key.weight", "value.weight", "output.weight"];
        foreach (var name in names)
        {
            var parameter = attention.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null || !parameter.Shape.SequenceEqual([(long)width, width]))
                throw new StudentFeedback(
                    $"Your {Attention} has no parameter {name} of shape ({width}, {width}): keep the starter's four d×d projections query, key, value and output (Linear without bias).");
        }
        attention.Load(names.Select(n => (n, eye(width))), Attention);
    }
}
