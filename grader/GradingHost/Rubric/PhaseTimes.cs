namespace GradingHost.Rubric;

/// <summary>The seconds a grading spent compiling (in the sandbox) and running the checks (checker and workers).</summary>
public sealed record PhaseTimes(double CompileSeconds, double CheckSeconds);
