namespace GradingHost.Checks.Attention;

/// <summary>The instructors' implementation, which only the hidden checks (and never the public ones) may use.</summary>
public static class ReferenceModel
{
    public static Implementation Implementation { get; } =
        Implementation.Reference(typeof(Homework.Attention.TinyLanguageModel), Models.Namespace);

    /// <summary>The submission's language model trained with the profile, shared by the training check and the report.</summary>
    public static TrainedSubmission Trained { get; } = new(Models.Submission, Models.LanguageModel, heads: 1, Implementation);

    /// <summary>The model the training check grades, as `gradinghost calibrate` trains it to set the bar.</summary>
    public static ReferenceCalibration Calibration { get; } = new(Implementation, Models.LanguageModel, heads: 1);
}
