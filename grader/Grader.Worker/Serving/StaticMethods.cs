using System.Reflection;
using GradingHost.Protocol;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Worker.Serving;

/// <summary>Finds a public static method of the submission whose parameters take the call's arguments.</summary>
public static class StaticMethods
{
    public static MethodInfo Find(Assembly submission, StaticCall call)
    {
        var type = submission.GetType(call.TypeName)
            ?? throw StudentCode.Contract($"There is no public class {call.TypeName} in your submission; the handout's API names it exactly so.");
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == call.Method && Fits(m.GetParameters(), call.Arguments))
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw StudentCode.Contract($"{call.TypeName} needs exactly one method public static {call.Method} taking the handout's parameters.");
    }

    private static bool Fits(System.Reflection.ParameterInfo[] parameters, IReadOnlyList<Argument> arguments) =>
        parameters.Length == arguments.Count && parameters.Zip(arguments).All(p => Fits(p.First, p.Second.Kind));

    private static bool Fits(System.Reflection.ParameterInfo info, ArgumentKind kind) =>
        kind == ArgumentKind.Omitted ? info.HasDefaultValue : Fits(info.ParameterType, kind);

    private static bool Fits(Type parameter, ArgumentKind kind) => kind switch
    {
        ArgumentKind.Null => !parameter.IsValueType || Nullable.GetUnderlyingType(parameter) is not null,
        ArgumentKind.Tensor => parameter == typeof(Tensor),
        ArgumentKind.Double => parameter == typeof(double),
        ArgumentKind.Int32 => parameter == typeof(int),
        ArgumentKind.Int64 => parameter == typeof(long) || parameter == typeof(long?),
        ArgumentKind.Int64Array => parameter == typeof(long[]),
        ArgumentKind.Generator => parameter == typeof(Generator),
        ArgumentKind.Module or ArgumentKind.ProbeModule => parameter == typeof(nn.Module<Tensor, Tensor>),
        ArgumentKind.ProbeFunction or ArgumentKind.SubmissionFunction => parameter == typeof(Func<Tensor, Tensor>),
        _ => false,
    };
}
