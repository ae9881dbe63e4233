namespace GradingHost.Mutation;

public enum MutantFate
{
    /// <summary>Graded, and lost points on at least one item: the grader tells it apart from the reference.</summary>
    Killed,
    /// <summary>Graded with full marks: a gap in the checks, or an equivalent mutant not yet recorded.</summary>
    Survived,
    /// <summary>The grader itself failed on it: counted as not killed until the grader is fixed.</summary>
    GraderFailed,
    /// <summary>Recorded in equivalent-mutants.yaml: no check can tell it apart, for the reason given there.</summary>
    Equivalent,
    /// <summary>Compiles to exactly the reference's program, so it is equivalent by construction.</summary>
    SameProgram,
    /// <summary>Not a program at all; no student could hand it in.</summary>
    DidNotCompile,
}
