using System.Reflection;
using GradingHost.Protocol;
using Xunit.v3;

namespace GradingHost.Checks;

/// <summary>
/// Every check runs under a <see cref="CollectionPause"/>, applied to a grader as an assembly attribute:
/// the checks' own tensor code uses implicit scalars as student code does, and a collection during one
/// of their native calls would fail a check of a correct solution.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PauseCollectionsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => CollectionPause.Ensure();
}
