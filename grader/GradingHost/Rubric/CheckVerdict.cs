namespace GradingHost.Rubric;

/// <summary>
/// NotImplemented is kept apart from Failed so the starter's items read "not implemented" rather than
/// wrong; CodeFailed (the code threw, crashed, hung) apart from Failed (it gave a wrong answer) because
/// only a wrong answer can be excused by a mistake charged elsewhere.
/// </summary>
public enum CheckVerdict { Passed, Failed, CodeFailed, NotImplemented, NotRun }
