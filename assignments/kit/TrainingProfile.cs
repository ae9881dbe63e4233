namespace Course.Kit;

/// <summary>
/// How big a model to train and for how long. <c>cpu</c> is what CI and a laptop can afford within a
/// few minutes on 2 cores; <c>gpu</c> is the homework's full configuration.
/// </summary>
public sealed record TrainingProfile(
    string Name,
    int ContextLength,
    int Width,
    int Layers,
    int Heads,
    int Steps,
    int BatchSize,
    double LearningRate,
    int EvalTokens,
    ulong Seed)
{
    public static readonly TrainingProfile Cpu = new("cpu", ContextLength: 64, Width: 64, Layers: 2, Heads: 1,
        Steps: 300, BatchSize: 32, LearningRate: 3e-3, EvalTokens: 32_768, Seed: 1234);

    public static readonly TrainingProfile Gpu = new("gpu", ContextLength: 256, Width: 256, Layers: 2, Heads: 1,
        Steps: 5_000, BatchSize: 64, LearningRate: 1e-3, EvalTokens: 234_000, Seed: 1234);

    public static IReadOnlyList<TrainingProfile> All { get; } = [Cpu, Gpu];

    public static TrainingProfile Named(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"Unknown profile '{name}'. Known profiles: {string.Join(", ", All.Select(p => p.Name))}.");

    public TransformerConfig ModelConfig(int vocabSize, int heads) =>
        new(vocabSize, ContextLength, Width, Layers, heads);
}
