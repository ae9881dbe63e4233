using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Course.Kit;
using GradingHost.Protocol;
using GradingHost.Worker.Compiling;
using MessagePack;
using MessagePack.Resolvers;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Trains language models with a profile, each distinct model once. Training is seeded, so two models
/// that start from the same parameters and compute the same outputs and gradients on a training batch
/// end with the same weights: trained weights are cached (<see cref="ArtifactCache"/>) under a
/// fingerprint of that start, the kit, the corpus, the profile, TorchSharp and the device. Only this
/// process (the trusted checker) reads and writes the cache; a worker sends weights and receives them.
/// </summary>
/// <remarks>
/// Student code may keep state between calls and so train unlike its start: its trainings are stored
/// under its own source files too, so they are reused only when the same code is graded again.
/// Instructors' trainings (the reports' baselines, whichever grader holds the reference's copy) are
/// shared, and a submission that starts exactly like one of them is given that training.
/// </remarks>
public static class TrainedModels
{
    /// <summary>Part of every fingerprint: a change to what is stored or how makes every older entry a miss.</summary>
    private const string Format = "named parameters, MessagePack, v2";

    /// <summary>Trains the instructors' <paramref name="model"/> in place, or loads what an identical model reached.</summary>
    /// <returns>whether it trained (false: the weights were reused)</returns>
    public static bool TrainInstructorModel(ModuleUnderTest model, TrainingProfile profile, BrownCorpus corpus) =>
        Train(model, profile, $"trained-model-{Fingerprint(model, profile, corpus)}.dat");

    /// <summary>Trains the submission's <paramref name="model"/> in place, or loads what it or an identical instructors' model reached.</summary>
    /// <param name="reference">builds the instructors' model of the same kind, with the same configuration and seed</param>
    /// <returns>whether a training ran for it, its own or the reference's (false: the weights were reused)</returns>
    public static bool TrainSubmissionModel(ModuleUnderTest model, TrainingProfile profile, BrownCorpus corpus, Func<ModuleUnderTest> reference)
    {
        var fingerprint = Fingerprint(model, profile, corpus);
        var instructors = $"trained-model-{fingerprint}.dat";
        if (ArtifactCache.TryLoad(instructors, path => TryLoad(model, path)))
            return false;
        // A model that starts exactly like the reference's is given the reference's training, made here by
        // trusted code and kept for every later submission that starts so (most of a class): the same weights
        // its own training would reach, as training is seeded and the start is the same.
        var referenceModel = reference();
        if (Fingerprint(referenceModel, profile, corpus) == fingerprint)
        {
            // Copied directly, not read back from the cache: a cache that cannot be written must not cost a second training.
            var trained = TrainInstructorModel(referenceModel, profile, corpus);
            model.Load(referenceModel.ParameterValues("reference model"), "language model");
            model.Eval();
            return trained;
        }
        return Train(model, profile, $"trained-submission-{fingerprint}-{SubmissionSourcesHash()}.dat");
    }

    /// <summary>What the report says of a training: not how long it took, which would tell a cached one apart.</summary>
    public static string Describe(TrainingProfile profile) =>
        $"{profile.Steps} AdamW steps of {profile.BatchSize} × {profile.ContextLength} tokens ({profile.Name} profile)";

    private static bool Train(ModuleUnderTest model, TrainingProfile profile, string fileName)
    {
        var trained = false;
        ArtifactCache.LoadOrCreate(fileName,
            path => TryLoad(model, path),
            () =>
            {
                model.Train(profile, "language model");
                trained = true;
            },
            path => Save(model, path));
        return trained;
    }

    private static readonly MessagePackSerializerOptions Storage = MessagePackSerializerOptions.Standard
        .WithResolver(ContractlessStandardResolver.Instance).WithSecurity(MessagePackSecurity.UntrustedData);

    private static void Save(ModuleUnderTest model, string path)
    {
        using var scope = NewDisposeScope();
        var values = model.ParameterValues("language model").Select(p => new NamedTensor(p.Name, TensorWire.ToWire(p.Value))).ToList();
        File.WriteAllBytes(path, MessagePackSerializer.Serialize(values, Storage));
    }

    /// <summary>Loads cached weights when the whole file is readable and fits the model's parameters; otherwise leaves the model as it was, to be trained.</summary>
    private static bool TryLoad(ModuleUnderTest model, string path)
    {
        List<(string Name, Tensor Value)> values;
        try
        {
            var stored = MessagePackSerializer.Deserialize<List<NamedTensor>>(File.ReadAllBytes(path), Storage);
            values = stored.Select(p => (p.Name, TensorWire.FromWire(p.Value ?? throw new InvalidDataException("no value")))).ToList();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or MessagePackSerializationException)
        {
            return false;
        }
        var expected = model.Parameters.Select(p => (p.Name, Shape: string.Join(",", p.Shape)));
        if (!values.Select(v => (v.Name, Shape: string.Join(",", v.Value.shape))).SequenceEqual(expected))
            return false;
        model.Load(values, "language model");
        model.Eval();
        return true;
    }

    /// <remarks>The probe batch has the training batch's shape, so code that depends on the batch size is seen as it trains.</remarks>
    private static string Fingerprint(ModuleUnderTest model, TrainingProfile profile, BrownCorpus corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void AddText(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
        void AddTensor(Tensor? t)
        {
            if (t is null)
            {
                AddText("none");
                return;
            }
            AddText($"{t.dtype} [{string.Join(", ", t.shape)}]");
            hash.AppendData(MemoryMarshal.AsBytes(t.detach().to(float64).cpu().data<double>().ToArray().AsSpan()));
        }

        using (NewDisposeScope())
        {
            var start = model.ParameterValues("language model");
            model.SetTraining(true, "Switching your language model to training mode");
            var (x, y) = corpus.Train.RandomBatch(profile.BatchSize, profile.ContextLength, new Generator(profile.Seed + 1));
            var pass = model.BackwardOfLoss(x, y, "language model");
            AddTensor(pass.Output);
            foreach (var ((name, value), (_, gradient)) in start.Zip(pass.ParameterGradients))
            {
                AddText(name);
                AddTensor(value);
                AddTensor(gradient);
            }
        }
        AddText(Format);
        AddTrainingSetting(hash, profile, "brown-train.txt");
        return Short(hash);
    }

    /// <summary>
    /// What decides trained weights besides the model's start: the kit (it holds the training loop), the
    /// training text, the profile, TorchSharp, and the device and threads (reductions split over threads, or
    /// run on another device, round differently). Every cached training's fingerprint includes it.
    /// </summary>
    public static void AddTrainingSetting(IncrementalHash hash, TrainingProfile profile, string corpusFile)
    {
        hash.AppendData(File.ReadAllBytes(typeof(TrainingProfile).Assembly.Location));
        hash.AppendData(File.ReadAllBytes(CourseData.PathOf(corpusFile)));
        hash.AppendData(Encoding.UTF8.GetBytes(profile.ToString()));
        hash.AppendData(Encoding.UTF8.GetBytes(typeof(torch).Assembly.FullName ?? ""));
        hash.AppendData(Encoding.UTF8.GetBytes($"device {Devices.Best.type}, libtorch threads {get_num_threads()}"));
    }

    private static string SubmissionSourcesHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var directory = SubmissionUnderTest.SourceDirectory
            ?? throw new InvalidOperationException($"Set {SubmissionUnderTest.SourcesVariable}: a submission's training is cached under its sources.");
        foreach (var file in SubmissionCompilation.SourceFiles(directory))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Short(hash);
    }

    /// <summary>A fingerprint's first 16 hex digits: a cache file's name.</summary>
    public static string Short(IncrementalHash hash) => Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
}
