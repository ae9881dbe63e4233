namespace GradingHost.Protocol;

/// <summary>A parameter as the module registered it.</summary>
public sealed record ParameterInfo(string Name, long[] Shape, string DType, bool RequiresGrad);
