namespace GradingHost.Rubric;

/// <summary>NotImplemented is kept apart from Failed so the starter's items read "not implemented" rather than wrong.</summary>
public enum CheckVerdict { Passed, Failed, NotImplemented, NotRun }
