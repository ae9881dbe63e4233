using Course.Kit;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The experiment the grader hands the student's FineTuning.Run: Shakespeare's train split, the first
/// <see cref="DevTokens"/> tokens of each dev split, and a training budget that a 2-core machine runs in
/// seconds (batches of 16 windows of 32 + 1 characters; 150 steps from scratch at the profile's rate).
/// </summary>
public sealed record Setup(long[] ShakespeareTrain, long[] ShakespeareDev, long[] BrownDev, int Steps, double LearningRate, int BatchSize, int ContextLength)
{
    public const int DevTokens = 4_097;

    public static Setup For(TrainingProfile profile) => new(
        ShakespeareCorpus.Instance.Train.Ids,
        ShakespeareCorpus.Instance.Dev.Ids[..DevTokens],
        BrownCorpus.Instance.Dev.Ids[..DevTokens],
        Steps: 150, LearningRate: profile.LearningRate, BatchSize: 16, ContextLength: 32);

    /// <summary>
    /// LoRA's run: rank 4 and α = 8 (PEFT's usual pair), the fine-tuning's third of the steps, and a rate
    /// of 1e-2: only 2·L·r·2d numbers train, and they need a larger step than full fine-tuning's.
    /// </summary>
    public LoRASetup LoRA => new(Rank: 4, Alpha: 8, Steps: Steps / 3, LearningRate: 1e-2);
}
