using Xunit;

namespace GradingHost.Tests;

/// <summary>Shares one verification run among every test class that reads its outputs.</summary>
[CollectionDefinition(Name)]
public sealed class VerifiedAssignmentsCollection : ICollectionFixture<VerifiedAssignments>
{
    public const string Name = "verified assignments";
}
