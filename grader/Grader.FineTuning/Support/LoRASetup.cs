namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The extra credit's LoRA run: rank-<paramref name="Rank"/> adapters scaled by α/r on every attention's
/// W_Q and W_V, trained <paramref name="Steps"/> AdamW steps at <paramref name="LearningRate"/>. The
/// grader chooses all four, so the run is the same for every submission and a calibrated bar is fair.
/// </summary>
public sealed record LoRASetup(int Rank, double Alpha, int Steps, double LearningRate)
{
    /// <summary>2 · layers · r · (d + d): the trainable numbers of rank-r adapters on the d × d W_Q and W_V of every block.</summary>
    public long TrainableParameters(Course.Kit.TransformerConfig config) => 2L * config.Layers * Rank * (config.Width + config.Width);
}
