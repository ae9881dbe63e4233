using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>The attention assignment's API in the submission and in the reference, and the configs the checks use.</summary>
public static class Models
{
    public const string Namespace = "Homework.Attention";
    public const string Attention = "CausalSelfAttention";
    public const string Mlp = "Mlp";
    public const string Block = "TransformerBlock";
    public const string LanguageModel = "TinyLanguageModel";

    public static Implementation Submission { get; } = new(SubmissionUnderTest.Assembly, Namespace, "your submission");

    public static TrainedSubmission Trained { get; } = new(Submission, LanguageModel, heads: 1);

    /// <summary>(batch, time, width): T = 1, widths that are not powers of two, T past a typical tile size.</summary>
    public static readonly (int B, int T, int D)[] ShapeGrid = [(1, 1, 8), (2, 5, 12), (3, 7, 20), (2, 16, 32), (1, 33, 24)];

    public static TransformerConfig Config(int width, int contextLength = 64, int vocab = 50) =>
        new(VocabSize: vocab, ContextLength: contextLength, Width: width, Layers: 2);

    public static Tensor Inputs(int b, int t, int d, long seed) =>
        randn([b, t, d], generator: new Generator((ulong)seed));

    public static Tensor Tokens(int b, int t, int vocab, long seed) =>
        randint(0, vocab, [b, t], generator: new Generator((ulong)seed), dtype: int64);

    public static Tensor AttentionWeightsOf(nn.Module<Tensor, Tensor> attention, Tensor x)
    {
        if (attention is not IAttentionWeights exposed)
            throw new StudentFeedback($"{Attention} must implement IAttentionWeights (the starter declares it) so the attention pattern can be checked.");
        // In float64 whatever precision the student computed in: the handout fixes the values, not the dtype.
        return Student.Run($"Calling {Attention}.AttentionWeights on input {Shapes.Show(x.shape)}", () => exposed.AttentionWeights(x)).to(ScalarType.Float64);
    }

    /// <summary>A named sub-module, e.g. "attention" of a block or "blocks.0.attention" of the model.</summary>
    public static nn.Module<Tensor, Tensor> Child(nn.Module module, string name, string owner) =>
        module.named_modules().FirstOrDefault(m => m.name == name).module as nn.Module<Tensor, Tensor>
        ?? throw new StudentFeedback($"Your {owner} has no sub-module named '{name}' (the handout's field name); the grader needs it to check the parts separately.");

    public static Tensor Forward(nn.Module<Tensor, Tensor> module, Tensor input, string what) =>
        Student.Run($"Running your {what} on input {Shapes.Show(input.shape)}", () => module.forward(input));
}
