using GradingHost.Checks;
using Xunit;

[assembly: AssemblyFixture(typeof(OneTorchThread))]
[assembly: PauseCollections]
