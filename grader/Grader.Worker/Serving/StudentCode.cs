using System.Diagnostics;
using System.Reflection;
using GradingHost.Protocol;
using StreamJsonRpc;

namespace GradingHost.Worker.Serving;

/// <summary>
/// Runs student code, with the garbage collector held off (<see cref="CollectionPause"/>), and turns
/// whatever it throws into a <see cref="StudentFault"/> error response: the exception's types, message
/// and the innermost place in the student's files.
/// </summary>
public sealed class StudentCode(Assembly submission)
{
    public T Run<T>(Func<T> call)
    {
        CollectionPause.Ensure();
        try
        {
            return call();
        }
        catch (Exception e) when (e is not LocalRpcException)
        {
            throw Fault(e);
        }
    }

    public void Run(Action call) => Run(() => { call(); return 0; });

    /// <summary>The submission lacks what the handout's API names: a fault the student can act on, not a crash.</summary>
    public static LocalRpcException Contract(string message) =>
        Error(new StudentFault(FaultKind.Contract, [], Cut(message), null, null));

    private LocalRpcException Fault(Exception thrown)
    {
        string? context = null;
        var e = thrown;
        while (true)
        {
            if (e is TargetInvocationException { InnerException: { } invoked })
                e = invoked;
            else if (e is TypeInitializationException { InnerException: { } initialising } init)
            {
                context ??= $"the static constructor of {init.TypeName}";
                e = initialising;
            }
            else
                break;
        }
        var types = new List<string>();
        for (var type = e.GetType(); type is not null; type = type.BaseType)
            types.Add(type.FullName ?? type.Name);
        var kind = e is NotImplementedException ? FaultKind.NotImplemented : FaultKind.Threw;
        var raisedInSubmission = context is not null
            || new StackTrace(e).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == submission);
        return Error(new StudentFault(kind, types, Cut(e.Message), WhereInSubmission(e), context, raisedInSubmission));
    }

    private static LocalRpcException Error(StudentFault fault) =>
        new(fault.Message) { ErrorCode = FaultCodes.StudentCode, ErrorData = fault };

    /// <summary>The innermost frame that lies in the student's own source files, as "File.cs:line N".</summary>
    private string? WhereInSubmission(Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Assembly == submission && f.GetFileName() is not null);
        return frame is null ? null : $"{Path.GetFileName(frame.GetFileName())}:line {frame.GetFileLineNumber()}";
    }

    private static string Cut(string text) =>
        text.Length > WireLimits.MaxTextLength ? text[..WireLimits.MaxTextLength] + "…" : text;
}
