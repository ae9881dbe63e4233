using Xunit.Sdk;
using Xunit.v3;

namespace GradingHost.Checks;

/// <summary>
/// Every grader runs its checks in one fixed order: by class, then by method name. xunit v3 otherwise
/// shuffles them, differently on each run even with a fixed seed, and the order decides which checks
/// still run when a time limit or the crash allowance (<see cref="WorkerConnection.MaxStarts"/>) cuts a
/// grading short: a regrade must give the same result.
/// </summary>
public sealed class ChecksInNameOrder : ITestCaseOrderer, ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(t => t.TestClassName, StringComparer.Ordinal).ThenBy(t => t.TestMethodName, StringComparer.Ordinal)
            .ThenBy(t => t.TestCaseDisplayName, StringComparer.Ordinal).ToList();

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections) where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal).ToList();
}
