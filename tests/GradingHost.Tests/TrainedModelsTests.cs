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

    /// <summary>Bigram models built in this process through the same worker service that runs submissions.</summary>
    private static readonly WorkerConnection Service = WorkerConnection.InProcess(typeof(Bigram).Assembly, isSubmission: false);

    private static readonly Implementation Models = new(() => Service, "GradingHost.Tests");

    [Fact]
    public void OnlyAnIdenticalModelReusesATraining() => InScratchCache(_ =>
    {
        var first = Model(seed: 1);
        Assert.True(TrainedModels.TrainInstructorModel(first, Profile, Corpus));
        var same = Model(seed: 1);
        Assert.False(TrainedModels.TrainInstructorModel(same, Profile, Corpus));
        Assert.True(SameWeights(first, same));

        // Same start, different computation (a fault); different start; different profile: each trains.
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 1, scaled: true), Profile, Corpus));
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 2), Profile, Corpus));
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 1), Profile with { Steps = 6 }, Corpus));
    });

    [Fact]
    public void WhatStudentCodeTrainedIsReusedOnlyForTheSameCode() => InScratchCache(sources =>
    {
        TrainedModels.TrainInstructorModel(Model(seed: 1), Profile, Corpus);
        Assert.False(TrainedModels.TrainSubmissionModel(Model(seed: 1), Profile, Corpus, Reference));

        Assert.True(TrainedModels.TrainSubmissionModel(Model(seed: 1, scaled: true), Profile, Corpus, Reference));
        Assert.False(TrainedModels.TrainSubmissionModel(Model(seed: 1, scaled: true), Profile, Corpus, Reference));
        File.AppendAllText(Path.Combine(sources, "Model.cs"), "// edited\n");
        Assert.True(TrainedModels.TrainSubmissionModel(Model(seed: 1, scaled: true), Profile, Corpus, Reference));
        // Student code may train unlike its start, so instructors' models never take its weights.
        Assert.True(TrainedModels.TrainInstructorModel(Model(seed: 1, scaled: true), Profile, Corpus));
    });

    /// <summary>
    /// With no training cached, a submission that starts exactly like the reference is trained as the reference,
    /// by the checker, into the instructors' entry: the next such submission, whatever its sources, trains nothing.
    /// One that starts otherwise still trains itself, under its own sources.
    /// </summary>
    [Fact]
    public void AModelThatStartsLikeTheReferenceIsGivenTheReferencesTraining() => InScratchCache(sources =>
    {
        var cache = Environment.GetEnvironmentVariable(ArtifactCache.Variable)!;
        var first = Model(seed: 1);
        Assert.True(TrainedModels.TrainSubmissionModel(first, Profile, Corpus, Reference));
        Assert.Single(Directory.GetFiles(cache, "trained-model-*.dat"));
        Assert.Empty(Directory.GetFiles(cache, "trained-submission-*.dat"));

        File.AppendAllText(Path.Combine(sources, "Model.cs"), "// another student\n");
        var second = Model(seed: 1);
        Assert.False(TrainedModels.TrainSubmissionModel(second, Profile, Corpus, Reference));
        Assert.True(SameWeights(first, second));

        Assert.True(TrainedModels.TrainSubmissionModel(Model(seed: 1, scaled: true), Profile, Corpus, Reference));
        Assert.Single(Directory.GetFiles(cache, "trained-submission-*.dat"));
    });

    [Fact]
    public void AnUnreadableCacheFileIsTrainedAgainFromTheModelsOwnStart() => InScratchCache(_ =>
    {
        var first = Model(seed: 1);
        TrainedModels.TrainInstructorModel(first, Profile, Corpus);
        var file = Assert.Single(Directory.GetFiles(Environment.GetEnvironmentVariable(ArtifactCache.Variable)!, "*.dat"));
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length * 3 / 5)]);

        var again = Model(seed: 1);
        Assert.True(TrainedModels.TrainInstructorModel(again, Profile, Corpus));
        Assert.True(SameWeights(first, again));
    });

    private static BrownCorpus Corpus => BrownCorpus.Instance;

    /// <summary>The instructors' model of this test: the bigram with seed 1.</summary>
    private static ModuleUnderTest Reference() => Model(seed: 1);

    private static ModuleUnderTest Model(long seed, bool scaled = false) =>
        Models.Create(scaled ? nameof(ScaledBigram) : nameof(Bigram), new TransformerConfig(Corpus.Vocabulary.Size, 8, 8), seed);

    private static bool SameWeights(ModuleUnderTest a, ModuleUnderTest b) =>
        a.ParameterValues("model").Zip(b.ParameterValues("model")).All(p => p.First.Value.eq(p.Second.Value).all().item<bool>());

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
}

/// <summary>A one-table language model: the smallest thing the training loop can train.</summary>
internal class Bigram : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Embedding table;
    private readonly double _scale;

    public Bigram(TransformerConfig config) : this(config, 1.0)
    {
    }

    protected Bigram(TransformerConfig config, double scale) : base(nameof(Bigram))
    {
        table = nn.Embedding(config.VocabSize, config.VocabSize);
        _scale = scale;
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens) => table.forward(tokens) * _scale;
}

/// <summary>The same start as <see cref="Bigram"/> computing something else: a stand-in for a fault.</summary>
internal sealed class ScaledBigram(TransformerConfig config) : Bigram(config, 3.0);
