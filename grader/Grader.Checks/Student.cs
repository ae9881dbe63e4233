using System.Diagnostics;
using System.Reflection;

namespace GradingHost.Checks;

/// <summary>Calls into the submission and turns whatever it throws into feedback about the student's code.</summary>
public static class Student
{
    /// <summary>Runs <paramref name="call"/>; an exception becomes feedback that says what we were doing.</summary>
    /// <remarks>NotImplementedException passes through untouched: the rubric reports it as "not implemented".</remarks>
    public static T Run<T>(string doing, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (Unwrap(e) is not (NotImplementedException or StudentFeedback))
        {
            var inner = Unwrap(e);
            throw new StudentFeedback($"{doing}, your code threw {inner.GetType().Name}: {FirstLine(inner.Message)}{WhereInSubmission(inner)}");
        }
        catch (Exception e) when (e is TargetInvocationException)
        {
            throw Unwrap(e);
        }
    }

    public static void Run(string doing, Action call) => Run(doing, () => { call(); return 0; });

    private static Exception Unwrap(Exception e) =>
        e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    /// <summary>The innermost frame that lies in the student's own source files, as " (at File.cs:line N)".</summary>
    private static string WhereInSubmission(Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetMethod()?.DeclaringType?.Assembly == SubmissionUnderTest.Assembly && f.GetFileName() is not null);
        return frame is null ? "" : $" (at {Path.GetFileName(frame.GetFileName())}:line {frame.GetFileLineNumber()})";
    }
}
