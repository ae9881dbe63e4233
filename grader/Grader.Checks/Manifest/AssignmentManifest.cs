using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GradingHost.Checks.Manifest;

/// <summary>An assignment as the instructors publish it: assignments/&lt;id&gt;/assignment.yaml.</summary>
public sealed class AssignmentManifest
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The xunit project holding the checks, under grader/.</summary>
    public string Grader { get; set; } = "";
    /// <summary>The namespace of the assignment's API in starter and reference.</summary>
    public string Namespace { get; set; } = "";
    /// <summary>
    /// The starter's sources: folders or single .cs files, relative to the repository. A later
    /// assignment lists the earlier one's files it builds on (layer norm reuses the attention code).
    /// </summary>
    public List<string> Starter { get; set; } = [];
    /// <summary>The reference's sources, in the same form as <see cref="Starter"/>.</summary>
    public List<string> Reference { get; set; } = [];
    public int TimeLimitSeconds { get; set; } = 600;
    /// <summary>APIs the assignment forbids because they would do the student's work; using one costs the item that owns BannedApiChecks.</summary>
    public List<ListedApi> BannedApis { get; set; } = [];
    public List<RubricItem> Items { get; set; } = [];
    /// <summary>The course kit's training profiles (<c>Course.Kit.TrainingProfile</c>) this assignment may be graded with.</summary>
    public List<string> Profiles { get; set; } = [];
    /// <summary>
    /// Dev-perplexity bars per profile, written by `gradinghost calibrate`. Where an item grades perplexity
    /// (<see cref="GradesPerplexity"/>), a profile without a bar is refused until someone has measured it.
    /// </summary>
    public Dictionary<string, Calibration> Thresholds { get; set; } = [];
    /// <summary>
    /// A Hugging Face GPT-2 checkpoint (model.safetensors), relative to the manifest's folder or absolute, for the fine-tuning
    /// report's GPT-2 row; none ships, so it is optional everywhere and the report says when it is absent.
    /// </summary>
    public string? Gpt2Checkpoint { get; set; }
    /// <summary>
    /// Known-faulty variants of the reference that `gradinghost verify` grades. They quote the reference,
    /// so they live in the grader's faults.yaml (<see cref="LoadFaults"/>), never in the published manifest.
    /// </summary>
    [YamlIgnore]
    public List<FaultyVariant> Faults { get; private set; } = [];

    /// <summary>The points a complete submission gets without extra credit: the denominator of the score.</summary>
    public double TotalPoints => Items.Where(i => !i.ExtraCredit).Sum(i => i.Points);

    public double ExtraCreditPoints => Items.Where(i => i.ExtraCredit).Sum(i => i.Points);

    /// <summary>The shared check that compares a trained model's dev perplexity with the profile's bar (Grader.Checks/Shared/TrainingCheck.cs).</summary>
    public const string DevPerplexityCheck = "ReachesTheDevPerplexityThreshold";

    /// <summary>Whether an item grades dev perplexity against a bar: then every profile it is graded with needs one.</summary>
    public bool GradesPerplexity => Items.Any(i => i.Checks.Any(c => c.EndsWith("." + DevPerplexityCheck, StringComparison.Ordinal)));

    /// <summary>Why <paramref name="profile"/> cannot grade this assignment, or null when it can.</summary>
    public string? WhyNotGradable(string profile)
    {
        if (!Profiles.Contains(profile))
            return $"The {Id} assignment is not graded with the {profile} profile (its manifest lists: {string.Join(", ", Profiles)}).";
        if (GradesPerplexity && !Thresholds.ContainsKey(profile))
            return $"The {Id} assignment has no dev-perplexity bar for the {profile} profile yet" +
                   (Thresholds.Count > 0 ? $" (calibrated: {string.Join(", ", Thresholds.Keys)})" : "") +
                   $": someone must first run `gradinghost calibrate --assignment {Id} --profile {profile}` where that profile can train" +
                   (profile == "cpu" ? "" : " (the gpu profile needs a CUDA build of TorchSharp, which this machine's registry does not serve; see the README)") +
                   ". Grade with a calibrated profile.";
        return null;
    }

    /// <summary>The bar a training check compares with; a manifest whose training item lacks one is an instructor's error.</summary>
    public double DevPerplexityBar(string profile) =>
        Thresholds.TryGetValue(profile, out var calibration) ? calibration.DevPerplexity : throw new InvalidDataException(
            $"assignment.yaml has no dev-perplexity bar for the {profile} profile, but a check grades perplexity: run `gradinghost calibrate --assignment {Id} --profile {profile}`.");

    public static AssignmentManifest Load(string path) => Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>A manifest from its text; null when the text is empty.</summary>
    public static AssignmentManifest? Parse(string yaml) => Deserializer.Deserialize<AssignmentManifest?>(yaml);

    /// <summary>Reads the faults from a grader's faults.yaml (a single key, <c>faults:</c>).</summary>
    public void LoadFaults(string path) =>
        Faults = Deserializer.Deserialize<FaultLibrary>(File.ReadAllText(path))?.Faults ?? [];

    /// <summary>How every course YAML file is read (snake_case keys): manifests, faults, expectations, equivalents.</summary>
    internal static readonly IDeserializer Deserializer =
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
}
