namespace GradingHost.Checks.FineTuning;

/// <summary>What the grader measured of the LoRA run: the pretrained weights that moved, whether the adapters did, and Shakespeare dev perplexity.</summary>
/// <param name="Trainable">the adapters' numbers</param>
public sealed record LoRAResult(double Perplexity, IReadOnlyList<string> PretrainedMoved, bool AdaptersMoved, long Trainable, long Total);
