using System.Diagnostics;
using Course.Kit;
using Homework.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Bench;

/// <summary>
/// The attention reference's training step with a profile, as a grading's worker runs it (one thread), against
/// the matrix product of the training's own widest shape measured in the same run: (batch·T × d)·(d × 4d).
/// </summary>
internal sealed record TrainingStep(TrainingProfile Profile, TransformerConfig Config, int Warmup, int Steps, double TokensPerSecond, double FlopsPerToken, double Gflops,
    double ModelSizedGflops)
{
    public double ShareOfRoofline => Gflops / ModelSizedGflops;

    public static TrainingStep Measure(TrainingProfile profile, int warmup, int steps)
    {
        torch.set_num_threads(1);
        var corpus = BrownCorpus.Instance;
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        using var model = new TinyLanguageModel(config);
        var generator = new Generator().manual_seed((long)profile.Seed);
        Trainer.Train(model, corpus.Train, profile with { Steps = warmup }, generator);   // warm-up: allocator, JIT
        var clock = Stopwatch.StartNew();
        Trainer.Train(model, corpus.Train, profile with { Steps = steps }, generator);
        var tokensPerSecond = (double)steps * profile.BatchSize * profile.ContextLength / clock.Elapsed.TotalSeconds;

        // Forward and backward of every matrix product: 6 FLOPs per weight per token (the token embedding is
        // a lookup, not a product), plus QKᵀ and A·V: 2·2·T·d per layer forward, three times that with backward.
        var d = config.Width;
        var weights = config.Layers * (4 * d * d + 2 * d * config.MlpWidth) + d * config.VocabSize;
        var flopsPerToken = 6.0 * weights + 3.0 * config.Layers * 4 * config.ContextLength * d;
        var gflops = tokensPerSecond * flopsPerToken / 1e9;
        var roofline = Roofline.Gflops(profile.BatchSize * profile.ContextLength, config.Width, config.MlpWidth);
        return new TrainingStep(profile, config, warmup, steps, tokensPerSecond, flopsPerToken, gflops, roofline);
    }
}
