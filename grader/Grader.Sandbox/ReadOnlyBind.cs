namespace GradingHost.Sandbox;

/// <summary>A file or folder of the host visible, read-only, at <see cref="Inside"/> in the sandbox.</summary>
public sealed record ReadOnlyBind(string Host, string Inside);
