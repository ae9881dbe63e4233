using GradingHost.Checks;
using Xunit;

[assembly: AssemblyFixture(typeof(OneTorchThread))]
[assembly: AssemblyFixture(typeof(WorkerWarmUp))]
[assembly: PauseCollections]
