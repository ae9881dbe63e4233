using Xunit;

namespace GradingHost.Tests;

/// <summary>Shares one verification run among every test class that reads its outputs.</summary>
[CollectionDefinition(Name)]
public sealed class AttentionVerificationCollection : ICollectionFixture<AttentionVerification>
{
    public const string Name = "attention verification";
}
