using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>The layer-norm assignment's API in the submission and in the reference, and the inputs the checks use.</summary>
public static class Models
{
    public const string Namespace = "Homework.LayerNorm";
    public const string Norm = "LayerNorm";
    public const string Block = "TransformerBlock";
    public const string LanguageModel = "TinyLanguageModel";

    /// <summary>The handout's ε, inside the square root.</summary>
    public const double Epsilon = 1e-5;

    public static Implementation Submission { get; } = new(SubmissionUnderTest.Assembly, Namespace, "your submission");

    /// <summary>The submission's language model trained with the profile, shared by the training check and the report.</summary>
    public static TrainedSubmission Trained { get; } = new(Submission, LanguageModel, heads: 1);

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

    /// <summary>The submission's γ or β, found among the module's parameters by the handout's name.</summary>
    public static Tensor NamedParameter(nn.Module module, string name)
    {
        var found = module.named_parameters().FirstOrDefault(p => p.name == name).parameter;
        if (found is not null)
            return found;
        var buffer = module.named_buffers().Any(b => b.name == name);
        throw new StudentFeedback(buffer
            ? $"Your {Norm}'s '{name}' is a plain tensor (registered as a buffer), not a parameter: wrap it in nn.Parameter so that it is learnt."
            : $"Your {Norm} has no parameter named '{name}' (parameters found: {Describe(module)}). Declare the field '{name}' as a Parameter and call RegisterComponents() in the constructor.");
    }

    /// <summary>A fresh norm of width d whose γ and β are set to values far from 1 and 0, so that mixing them up shows.</summary>
    public static (nn.Module<Tensor, Tensor> Norm, Tensor Gamma, Tensor Beta) NormWithAffine(int d, long seed)
    {
        var norm = Submission.Create(Norm, Config(d));
        var generator = new Generator((ulong)seed);
        var gamma = randn([d], generator: generator) * 0.7 + 1.3;
        var beta = randn([d], generator: generator) * 0.5 - 0.2;
        using (no_grad())
        {
            foreach (var (name, value) in new[] { ("gamma", gamma), ("beta", beta) })
            {
                var parameter = NamedParameter(norm, name);
                if (!parameter.shape.SequenceEqual(value.shape))
                    throw new StudentFeedback($"Your {Norm}'s '{name}' has shape {Shapes.Show(parameter.shape)}; the handout says (d) = {Shapes.Show(value.shape)}.");
                parameter.copy_(value);
            }
        }
        return (norm, gamma, beta);
    }

    /// <summary>A named sub-module, e.g. "attention_norm" of a block.</summary>
    public static nn.Module<Tensor, Tensor> Child(nn.Module module, string name, string owner) =>
        module.named_modules().FirstOrDefault(m => m.name == name).module as nn.Module<Tensor, Tensor>
        ?? throw new StudentFeedback($"Your {owner} has no sub-module named '{name}' (the handout's field name); the grader needs it to check the parts separately.");

    public static Tensor Forward(nn.Module<Tensor, Tensor> module, Tensor input, string what) =>
        Student.Run($"Running your {what} on input {Shapes.Show(input.shape)}", () => module.forward(input));

    private static string Describe(nn.Module module)
    {
        var names = module.named_parameters().Select(p => p.name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
