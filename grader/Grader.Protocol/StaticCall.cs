namespace GradingHost.Protocol;

/// <summary>A public static method of the submission, by its type's full name, its name and its arguments.</summary>
public sealed record StaticCall(string TypeName, string Method, IReadOnlyList<Argument> Arguments);
