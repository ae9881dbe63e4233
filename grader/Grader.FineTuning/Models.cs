using GradingHost.Checks;

namespace GradingHost.Checks.FineTuning;

/// <summary>The fine-tuning assignment's API names, and the submission's implementation of it (the seam: <see cref="Submission"/>).</summary>
public static class Models
{
    public const string Namespace = "Homework.FineTuning";
    public const string TrainingClass = "LanguageModelTraining";
    public const string FineTuningClass = "FineTuning";
    public const string NextTokenLoss = "NextTokenLoss";
    public const string Train = "Train";
    public const string Perplexity = "Perplexity";
    public const string Run = "Run";

    /// <summary>The extra credit: LoRA.Adapt(model, rank, alpha, generator) and LoRA.Merge(model).</summary>
    public const string LoRAClass = "LoRA";
    public const string Adapt = "Adapt";
    public const string Merge = "Merge";

    /// <summary>HW2 Q3's model, which a fine-tuning submission carries and fine-tunes.</summary>
    public const string MultiHeadNamespace = "Homework.MultiHead";
    public const string LanguageModel = "TinyLanguageModel";

    /// <summary>The heads of the pretrained model: the multi-head assignment's trained configuration.</summary>
    public const int Heads = 4;

    /// <summary>The submission's code in the sandboxed worker.</summary>
    public static Implementation Code { get; } = Implementation.Submission(Namespace);

    /// <summary>The submission's HW2 Q3 classes.</summary>
    public static Implementation Model { get; } = Implementation.Submission(MultiHeadNamespace);

    public static FineTuningApi Submission { get; } = new(Code);
}
