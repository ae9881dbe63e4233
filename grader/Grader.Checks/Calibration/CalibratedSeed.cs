namespace GradingHost.Checks;

/// <summary>The reference at one seed: its dev perplexity, and its training's throughput when it trained (null: the cache had it).</summary>
public sealed record CalibratedSeed(ulong Seed, double Perplexity, double? TokensPerSecond);
