using TorchSharp;
using static TorchSharp.torch;

namespace Course.Kit;

/// <summary>
/// The scaling study's models: four neural n-gram models of increasing width (about 2k to 132k
/// parameters with the 79 characters of the train split), each trained on the TinyStories train split with the profile's steps, batch, window and
/// learning rate. The course used Qwen2.5 0.5B–3B, which cannot be downloaded here; any family whose
/// models map (1, T) ids to (1, T, V) logits can be studied with the same code.
/// </summary>
public static class ModelFamily
{
    /// <summary>Every member sees the same 8 tokens; width alone grows.</summary>
    public const int Window = 8;

    private static readonly (int Embedding, int Hidden)[] Sizes = [(4, 16), (8, 48), (16, 128), (32, 384)];

    public static IReadOnlyList<NGramConfig> Members(int vocabSize) =>
        Sizes.Select(s => new NGramConfig(vocabSize, Window, s.Embedding, s.Hidden)).ToList();

    /// <summary>A member as the profile trains it: built after torch.manual_seed(profile.Seed), batches drawn with the same seed.</summary>
    public static NeuralNGramModel Train(NGramConfig config, TinyStories stories, TrainingProfile profile, Action<int, double>? onStep = null)
    {
        manual_seed((long)profile.Seed);
        var model = new NeuralNGramModel(config);
        using var generator = new Generator().manual_seed((long)profile.Seed);
        Trainer.Train(model, stories.TrainingStream(), profile, generator, onStep);
        model.eval();
        return model;
    }
}
