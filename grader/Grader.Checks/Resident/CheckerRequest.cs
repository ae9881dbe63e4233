namespace GradingHost.Checks;

/// <summary>One grading, as the host asks a resident checker for it (one JSON line).</summary>
/// <param name="Id">unguessable, so that no output but the checker's own can end the grading early</param>
/// <param name="Arguments">xunit's: the results file, the classes left out</param>
/// <param name="Environment">this grading's settings (<see cref="SubmissionUnderTest"/>, <see cref="WorkerConnection"/>); null unsets one</param>
public sealed record CheckerRequest(string Id, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment);
