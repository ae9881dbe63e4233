namespace GradingHost.Checks;

/// <summary>An assembly fixture of every grader: the submission's worker starts while xunit discovers and sets up the checks.</summary>
public sealed class WorkerWarmUp
{
    public WorkerWarmUp() => WorkerConnection.ForSubmission.WarmUp();
}
