using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// Trains language models with a profile, each distinct model once. Training is seeded, so two models
/// that start from the same parameters and compute the same outputs and gradients on a training batch
/// end with the same weights: trained weights are cached (<see cref="ArtifactCache"/>) under a
/// fingerprint of that start, the kit, the corpus, the profile, TorchSharp and the device.
/// </summary>
/// <remarks>
/// Student code may keep state between calls and so train unlike its start, and it runs in the
/// process that writes the cache: its trainings are stored under its own source files too, so they
/// are reused only when the same code is graded again. Instructors' trainings (the reports'
/// baselines, whichever grader holds the reference's copy) are shared, and a submission that starts
/// exactly like one of them is given that training.
/// </remarks>
public static class TrainedModels
{
    /// <summary>Trains the instructors' <paramref name="model"/> in place, on its device, or loads what an identical model reached.</summary>
    /// <returns>whether it trained (false: the weights were reused)</returns>
    public static bool TrainInstructorModel(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus) =>
        Train(model, profile, corpus, $"trained-model-{Fingerprint(model, profile, corpus)}.dat");

    /// <summary>Trains the submission's <paramref name="model"/> in place, or loads what it or an identical instructors' model reached.</summary>
    /// <returns>whether it trained (false: the weights were reused)</returns>
    public static bool TrainSubmissionModel(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus)
    {
        var fingerprint = Fingerprint(model, profile, corpus);
        return !ArtifactCache.TryLoad($"trained-model-{fingerprint}.dat", path => TryLoad(model, path))
               && Train(model, profile, corpus, $"trained-submission-{fingerprint}-{SubmissionSourcesHash()}.dat");
    }

    /// <summary>What the report says of a training: not how long it took, which would tell a cached one apart.</summary>
    public static string Describe(TrainingProfile profile) =>
        $"{profile.Steps} AdamW steps of {profile.BatchSize} × {profile.ContextLength} tokens ({profile.Name} profile)";

    private static bool Train(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus, string fileName)
    {
        var trained = false;
        ArtifactCache.LoadOrCreate(fileName,
            path => TryLoad(model, path),
            () =>
            {
                Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
                trained = true;
            },
            path => model.save(path));
        return trained;
    }

    /// <summary>Loads cached weights; a file that cannot be read leaves the model as it was, to be trained.</summary>
    private static bool TryLoad(nn.Module<Tensor, Tensor> model, string path)
    {
        var start = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
        try
        {
            model.load(path);
            model.eval();
            return true;
        }
        catch (Exception)
        {
            using (no_grad())
                foreach (var (name, value) in model.state_dict())
                    value.copy_(start[name]);
            return false;
        }
    }

    /// <remarks>The probe batch has the training batch's shape, so code that depends on the batch size is seen as it trains.</remarks>
    private static string Fingerprint(nn.Module<Tensor, Tensor> model, TrainingProfile profile, BrownCorpus corpus)
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

        var device = Devices.Of(model);
        using (NewDisposeScope())
        {
            model.train();
            var (x, y) = corpus.Train.RandomBatch(profile.BatchSize, profile.ContextLength, new Generator(profile.Seed + 1));
            var logits = model.forward(x.to(device));
            LanguageModeling.Loss(logits, y.to(device)).backward();
            AddTensor(logits);
            foreach (var (name, parameter) in model.named_parameters())
            {
                AddText(name);
                AddTensor(parameter);
                AddTensor(parameter.grad);
            }
            model.zero_grad();
        }
        hash.AppendData(File.ReadAllBytes(typeof(TrainingProfile).Assembly.Location));
        hash.AppendData(File.ReadAllBytes(CourseData.PathOf("brown-train.txt")));
        AddText(profile.ToString());
        AddText(typeof(torch).Assembly.FullName ?? "");
        // Reductions split over threads, or run on another device, round differently.
        AddText($"device {device.type}, libtorch threads {get_num_threads()}");
        return Short(hash);
    }

    private static string SubmissionSourcesHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (SubmissionUnderTest.SourceDirectory is { } directory)
            foreach (var file in SubmissionCompilation.SourceFiles(directory))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        else
            hash.AppendData(File.ReadAllBytes(SubmissionUnderTest.Assembly.Location));
        return Short(hash);
    }

    private static string Short(IncrementalHash hash) => Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
}
