using GradingHost.Checks;
using Xunit;

[assembly: AssemblyFixture(typeof(OneTorchThread))]
[assembly: AssemblyFixture(typeof(WorkerWarmUp))]
[assembly: PauseCollections]
[assembly: TestCollectionOrderer(typeof(ChecksInNameOrder))]
[assembly: TestCaseOrderer(typeof(ChecksInNameOrder))]

// One check at a time, as the host runs the grader (-parallel none). Checks seed torch's one global
// generator before building a module; the public tests run student code in their own process, where two
// checks at once could each build the other's weights and fail a correct solution.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
