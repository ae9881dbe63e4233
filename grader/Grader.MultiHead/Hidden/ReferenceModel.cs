namespace GradingHost.Checks.MultiHead;

/// <summary>The instructors' implementations, which only the hidden checks (and never the public ones) may use.</summary>
public static class ReferenceModel
{
    public static Implementation Implementation { get; } = Implementation.Reference(typeof(Homework.MultiHead.TinyLanguageModel), Models.Namespace);

    /// <summary>The submission's language model trained with the profile, shared by the training check and the report.</summary>
    public static TrainedSubmission Trained { get; } = new(Models.Submission, Models.LanguageModel, heads: Models.TrainingHeads, Implementation);

    /// <summary>The model the training check grades, as `gradinghost calibrate` trains it to set the bar.</summary>
    public static ReferenceCalibration Calibration { get; } = new(Implementation, Models.LanguageModel, heads: Models.TrainingHeads);

    /// <summary>The multi-head reference's copy of HW2 Q1's Mlp.</summary>
    public static Implementation Mlp { get; } = Implementation.Reference(typeof(Homework.MultiHead.TinyLanguageModel), Models.MlpNamespace);

    /// <summary>HW2 Q1's single-head reference.</summary>
    public static Implementation SingleHead { get; } = Implementation.Reference(typeof(Homework.Attention.CausalSelfAttention), "Homework.Attention");

    public const string SingleHeadAttention = "CausalSelfAttention";
}
