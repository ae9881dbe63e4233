using GradingHost.Rubric;

namespace GradingHost.Batch;

/// <summary>One rubric item of one student, as the batch keeps it.</summary>
public sealed record StudentItem(string Id, double Earned, double Possible, ItemStatus Status, IReadOnlyList<string> Messages);
