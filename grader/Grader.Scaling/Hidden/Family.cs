using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Course.Kit;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// The study's model family (<see cref="ModelFamily"/>), trained here in the trusted checker and cached
/// (<see cref="ArtifactCache"/>) under a fingerprint of everything that decides the weights: the member's
/// size and the training setting every cached training is keyed by (<see cref="TrainedModels.AddTrainingSetting"/>:
/// the profile, the kit, the stories, TorchSharp, the device). It is the same for every student, so it
/// lives for the checker's lifetime; no student code ever touches its weights.
/// </summary>
public static class Family
{
    /// <summary>Part of every fingerprint: a change to what is stored or how makes every older entry a miss.</summary>
    private const string Format = "neural n-gram family, TorchSharp save, v1";

    private static readonly Lazy<TinyStories> LazyStories = new(TinyStories.Load);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<NeuralNGramModel>> Trained = new();

    public static TinyStories Stories => LazyStories.Value;

    /// <summary>The family's members, smallest first, trained with <paramref name="profile"/>.</summary>
    public static IReadOnlyList<NeuralNGramModel> Members(TrainingProfile profile) =>
        Trained.GetOrAdd(profile.Name, _ => ModelFamily.Members(Stories.Vocabulary.Size).Select(c => TrainOrLoad(c, profile)).ToList());

    /// <summary>A family member as a model the student's code calls, answered here.</summary>
    public static StandInModel StandIn(NeuralNGramModel model) => new(Models.Code.Worker, model.Config.VocabSize, model.forward);

    /// <summary>The study sample, each story as token ids.</summary>
    public static IReadOnlyList<long[]> StudyStories => LazyStudy.Value;

    private static readonly Lazy<IReadOnlyList<long[]>> LazyStudy = new(() => Stories.StudySample.Select(Stories.Vocabulary.Encode).ToList());

    private static NeuralNGramModel TrainOrLoad(NGramConfig config, TrainingProfile profile)
    {
        NeuralNGramModel? model = null;
        ArtifactCache.LoadOrCreate($"scaling-family-{Fingerprint(config, profile)}.dat",
            path =>
            {
                try
                {
                    var loaded = new NeuralNGramModel(config);
                    loaded.load(path);
                    loaded.eval();
                    model = loaded;
                    return true;
                }
                // A truncated or foreign file is a cache miss, whatever TorchSharp throws for it.
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return false;
                }
            },
            () =>
            {
                using var progress = TrainingProgress.Begin($"Training the scaling family's {config.Parameters:N0}-parameter model ({profile.Name} profile)",
                    (long)profile.BatchSize * profile.ContextLength);
                model = ModelFamily.Train(config, Stories, profile, (step, _) => TrainingProgress.Step(step + 1, profile.Steps));
            },
            path => model!.save(path));
        return model!;
    }

    private static string Fingerprint(NGramConfig config, TrainingProfile profile)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Format}\n{config}\n"));
        TrainedModels.AddTrainingSetting(hash, profile, "tinystories-train.txt");
        return TrainedModels.Short(hash);
    }
}
