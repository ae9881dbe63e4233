namespace GradingHost.Checks.LayerNorm;

/// <summary>The instructors' implementations, which only the hidden checks and the report (never the public checks) may use.</summary>
public static class ReferenceModel
{
    /// <summary>The layer-norm reference (its attention and MLP are the attention assignment's reference files).</summary>
    public static Implementation Implementation { get; } =
        Implementation.Reference(typeof(Homework.LayerNorm.TinyLanguageModel), Models.Namespace);

    /// <summary>The submission's language model trained with the profile, shared by the training check and the report.</summary>
    public static TrainedSubmission Trained { get; } = new(Models.Submission, Models.LanguageModel, heads: 1, Implementation);

    /// <summary>The model the training check grades, as `gradinghost calibrate` trains it to set the bar.</summary>
    public static ReferenceCalibration Calibration { get; } = new(Implementation, Models.LanguageModel, heads: 1);

    /// <summary>The attention assignment's reference: the same model without layer norm.</summary>
    public static Implementation WithoutLayerNorm { get; } =
        Implementation.Reference(typeof(Homework.Attention.TinyLanguageModel), "Homework.Attention");
}
