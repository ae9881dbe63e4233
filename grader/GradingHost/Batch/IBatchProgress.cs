namespace GradingHost.Batch;

/// <summary>Hears of each student as a batch starts and finishes them (from several threads at once).</summary>
public interface IBatchProgress
{
    void Started(ClassSubmission submission);

    /// <param name="reused">the student's previous grading still held (same submission, grader and profile)</param>
    void Finished(StudentRecord record, bool reused);
}
