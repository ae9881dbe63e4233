namespace GradingHost.Mutation;

/// <summary>What became of one mutant.</summary>
/// <param name="Lost">the rubric items it lost points on (killed mutants only)</param>
/// <param name="Detail">how it was killed (fast checks, training, time limit) or why it is equivalent</param>
public sealed record MutantResult(Mutant Mutant, MutantFate Fate, IReadOnlyList<string> Lost, string Detail)
{
    /// <summary>Whether it counts towards the mutation score's denominator.</summary>
    public bool Counted => Fate is MutantFate.Killed or MutantFate.Survived or MutantFate.GraderFailed;
}
