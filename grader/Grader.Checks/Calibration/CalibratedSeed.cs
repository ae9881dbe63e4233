namespace GradingHost.Checks;

/// <summary>The reference at one seed: its dev perplexity, and its training's throughput when it trained (null: the cache had it).</summary>
/// <param name="Training">what was trained, for the manifest's record; null: the profile's own training on Brown</param>
public sealed record CalibratedSeed(ulong Seed, double Perplexity, double? TokensPerSecond, string? Training = null);
