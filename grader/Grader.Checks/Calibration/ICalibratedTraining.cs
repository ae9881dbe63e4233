using Course.Kit;

namespace GradingHost.Checks;

/// <summary>
/// What `gradinghost calibrate` measures in a grader: the training its perplexity item grades, run with the
/// reference at a given seed exactly as a grading runs it, and the dev perplexity it reaches. Each grader
/// names its own in Program.cs; one that grades no perplexity names none.
/// </summary>
public interface ICalibratedTraining
{
    CalibratedSeed Measure(TrainingProfile profile, ulong seed);
}
