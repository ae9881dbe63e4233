namespace GradingHost.Protocol;

/// <summary>JSON-RPC error codes of the worker, in the range the specification leaves to applications.</summary>
public static class FaultCodes
{
    /// <summary>Student code threw, or the submission lacks part of the API; the error data is a <see cref="StudentFault"/>.</summary>
    public const int StudentCode = -32001;
}
