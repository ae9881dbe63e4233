using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace GradingHost.Tests;

/// <summary>
/// Trainings are shared by fingerprint: only a model that starts and computes exactly alike may reuse
/// one, and what student code trained is reused only for the same code.
/// </summary>
public sealed class TrainedModelsTests
{
    private static readonly TrainingProfile Profile = TrainingProfile.Cpu with { Name = "test", Steps = 5 };

    [Fact]
    public void OnlyAnIdenticalModelReusesATraining() => InScratchCache(_ =>
    {
        var first = Model(seed: 1, scale: 1);
        Assert.True(TrainedModels.TrainInstructorModel(first, Profile, Corpus));
        var same = Model(seed: 1, scale: 1);
        Assert.False(TrainedModels.TrainInstructorModel(same, Profile, Corpus));
        Assert.True(SameWeights(first, same));

        // Same start, different computation (a fault); different start; different profile: each trains.
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 1, scale: 2), Profile, Corpus));
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 2, scale: 1), Profile, Corpus));
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 1, scale: 1), Profile with { Steps = 6 }, Corpus));
    });

    [Fact]
    public void WhatStudentCodeTrainedIsReusedOnlyForTheSameCode() => InScratchCache(sources =>
    {
        TrainedModels.TrainInstructorModel(Model(seed: 1, scale: 1), Profile, Corpus);
        Assert.False(TrainedModels.TrainSubmissionModel(Model(seed: 1, scale: 1), Profile, Corpus));

        Assert.True(TrainedModels.TrainSubmissionModel(Model(seed: 1, scale: 3), Profile, Corpus));
        Assert.False(TrainedModels.TrainSubmissionModel(Model(seed: 1, scale: 3), Profile, Corpus));
        File.AppendAllText(Path.Combine(sources, "Model.cs"), "// edited\n");
        Assert.True(TrainedModels.TrainSubmissionModel(Model(seed: 1, scale: 3), Profile, Corpus));
        // Student code may train unlike its start, so instructors' models never take its weights.
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 1, scale: 3), Profile, Corpus));
    });

    [Fact]
    public void AnUnreadableCacheFileIsTrainedAgainFromTheModelsOwnStart() => InScratchCache(_ =>
    {
        var first = Model(seed: 1, scale: 1);
        TrainedModels.TrainInstructorModel(first, Profile, Corpus);
        var file = Assert.Single(Directory.GetFiles(Environment.GetEnvironmentVariable(ArtifactCache.Variable)!, "*.dat"));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length * 3 / 5)]);

        var again = Model(seed: 1, scale: 1);
        Assert.True(TrainedModels.TrainInstructorModel(again, Profile, Corpus));
        Assert.True(SameWeights(first, again));
    });

    private static BrownCorpus Corpus => BrownCorpus.Instance;

    private static Bigram Model(long seed, double scale) => new(Corpus.Vocabulary.Size, seed, scale);

    private static bool SameWeights(Bigram a, Bigram b) => a.Weight.eq(b.Weight).all().item<bool>();

    /// <summary>Runs with an empty cache and a submission of one source file, both deleted afterwards.</summary>
    private static void InScratchCache(Action<string> test)
    {
        var scratch = Directory.CreateTempSubdirectory().FullName;
        var cache = Directory.CreateDirectory(Path.Combine(scratch, "cache")).FullName;
        var sources = Directory.CreateDirectory(Path.Combine(scratch, "sources")).FullName;
        File.WriteAllText(Path.Combine(sources, "Model.cs"), "public sealed class Model {}\n");
        var previous = (Environment.GetEnvironmentVariable(ArtifactCache.Variable), Environment.GetEnvironmentVariable(SubmissionUnderTest.SourcesVariable));
        Environment.SetEnvironmentVariable(ArtifactCache.Variable, cache);
        Environment.SetEnvironmentVariable(SubmissionUnderTest.SourcesVariable, sources);
        try
        {
            test(sources);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ArtifactCache.Variable, previous.Item1);
            Environment.SetEnvironmentVariable(SubmissionUnderTest.SourcesVariable, previous.Item2);
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed class Bigram : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Embedding table;
        private readonly double _scale;

        public Bigram(int vocabulary, long seed, double scale) : base(nameof(Bigram))
        {
            manual_seed(seed);
            table = nn.Embedding(vocabulary, vocabulary);
            _scale = scale;
            RegisterComponents();
        }

        public Tensor Weight => table.weight!;

        public override Tensor forward(Tensor tokens) => table.forward(tokens) * _scale;
    }
}
