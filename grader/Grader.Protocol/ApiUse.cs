namespace GradingHost.Protocol;

/// <summary>One use of a listed API in a submission's source.</summary>
public sealed record ApiUse(string File, int Line, string Api, string Listed)
{
    public override string ToString() => $"{File}:line {Line} uses {Api}";
}
