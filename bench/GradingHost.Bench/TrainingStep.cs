using System.Diagnostics;
using Course.Kit;
using Homework.Attention;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Bench;

/// <summary>The attention reference's training step at the cpu profile, as a grading's worker runs it (one thread).</summary>
internal sealed record TrainingStep(TransformerConfig Config, int BatchSize, int Steps, double TokensPerSecond, double FlopsPerToken, double Gflops, double ShareOfRoofline)
{
    public static TrainingStep Measure(Roofline roofline)
    {
        torch.set_num_threads(1);
        var profile = TrainingProfile.Cpu;
        var corpus = BrownCorpus.Instance;
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        using var model = new TinyLanguageModel(config);
        var generator = new Generator().manual_seed((long)profile.Seed);
        Trainer.Train(model, corpus.Train, profile with { Steps = 10 }, generator);   // warm-up: allocator, JIT
        const int steps = 100;
        var clock = Stopwatch.StartNew();
        Trainer.Train(model, corpus.Train, profile with { Steps = steps }, generator);
        var tokensPerSecond = (double)steps * profile.BatchSize * profile.ContextLength / clock.Elapsed.TotalSeconds;

        // Forward and backward of every matrix product: 6 FLOPs per weight per token (the token embedding is
        // a lookup, not a product), plus QKᵀ and A·V: 2·2·T·d per layer forward, three times that with backward.
        var d = config.Width;
        var weights = config.Layers * (4 * d * d + 2 * d * config.MlpWidth) + d * config.VocabSize;
        var flopsPerToken = 6.0 * weights + 3.0 * config.Layers * 4 * config.ContextLength * d;
        var gflops = tokensPerSecond * flopsPerToken / 1e9;
        return new TrainingStep(config, profile.BatchSize, steps, tokensPerSecond, flopsPerToken, gflops, gflops / roofline.ModelSizedGflops);
    }
}
