namespace GradingHost.Checks;

/// <summary>How far a training in a grading has got, as the host's progress display shows it.</summary>
/// <param name="TokensPerStep">batch × context: what a step reads, for tokens per second</param>
public sealed record TrainingProgressReport(string What, int Step, int Steps, long TokensPerStep);
