namespace GradingHost.Protocol;

/// <summary>
/// What the sandboxed compile step reports: the assembly (null when there is none), why not, and the
/// uses of APIs the assignment bans, which the checks charge to their rubric item.
/// </summary>
/// <param name="Failure">e.g. "does not compile"; empty when the assembly was built</param>
/// <param name="Problems">one line per problem, "File.cs:line N: …", phrased for the student</param>
public sealed record CompileReport(byte[]? Assembly, string Failure, IReadOnlyList<string> Problems, IReadOnlyList<ApiUse> BannedApiUses);
