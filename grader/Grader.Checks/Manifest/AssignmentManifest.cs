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
    /// <summary>Dev-perplexity thresholds per training profile.</summary>
    public Dictionary<string, PerplexityThreshold> Perplexity { get; set; } = [];
    /// <summary>
    /// Known-faulty variants of the reference that `gradinghost verify` grades. They quote the reference,
    /// so they live in the grader's faults.yaml (<see cref="LoadFaults"/>), never in the published manifest.
    /// </summary>
    [YamlIgnore]
    public List<FaultyVariant> Faults { get; private set; } = [];

    /// <summary>The points a complete submission gets without extra credit: the denominator of the score.</summary>
    public double TotalPoints => Items.Where(i => !i.ExtraCredit).Sum(i => i.Points);

    public double ExtraCreditPoints => Items.Where(i => i.ExtraCredit).Sum(i => i.Points);

    public static AssignmentManifest Load(string path) =>
        Deserializer.Deserialize<AssignmentManifest>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>Reads the faults from a grader's faults.yaml (a single key, <c>faults:</c>).</summary>
    public void LoadFaults(string path) =>
        Faults = Deserializer.Deserialize<FaultLibrary>(File.ReadAllText(path))?.Faults ?? [];

    /// <summary>How every course YAML file is read (snake_case keys): manifests, faults, expectations, equivalents.</summary>
    internal static readonly IDeserializer Deserializer =
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
}
