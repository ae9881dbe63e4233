namespace GradingHost.Batch;

/// <summary>How a student's grading went, as the class summary sorts them.</summary>
public enum StudentOutcome
{
    /// <summary>The checks ran; the score is what the rubric gave.</summary>
    Graded,
    /// <summary>Refused before anything ran (a link, an archive that is not one, a source the screen refused) or did not compile.</summary>
    NotGraded,
    /// <summary>The grading's time limit cut the checks short: the submission hung, or was far too slow.</summary>
    Stopped,
    /// <summary>The grader itself failed: an instructor must look.</summary>
    GraderFailed,
}
