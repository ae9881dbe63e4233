using System.Security.Cryptography;
using System.Text.Json;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// Grades the attention starter with one attack from tests/hostile/ added, and proves what a hostile
/// submission must never do: score, keep the host from answering, or change anything outside the sandbox.
/// </summary>
public static class Hostile
{
    public static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    /// <summary>The source screen off: the sandbox alone must contain the attack.</summary>
    public static readonly GradingOptions Unscreened = new() { ScreenSources = false };

    /// <param name="edit">wires the attack into the starter, e.g. a constructor that calls it</param>
    /// <param name="port">a loopback port for __PORT__</param>
    public static (GradeReport Report, string Output, string Marker) Grade(
        string attack, (string File, string Find, string Replace)? edit = null, GradingOptions? options = null, int port = 0)
    {
        var name = Path.GetFileNameWithoutExtension(attack);
        var marker = $"hostile{name}{Guid.NewGuid():N}"[..32];
        var output = Path.Combine(Layout.Root, "out", "test-hostile", name);
        var sources = Path.Combine(Layout.Root, "out", "test-hostile-sources", name);
        var manifest = Layout.Manifest("attention");
        SubmissionSource.Gather(manifest.Starter, Layout, sources);
        File.WriteAllText(Path.Combine(sources, attack), File.ReadAllText(Path.Combine(Layout.Root, "tests", "hostile", attack))
            .Replace("__OUT__", output).Replace("__REPO__", Layout.Root).Replace("__MARKER__", marker).Replace("__PORT__", port.ToString()));
        if (edit is var (file, find, replace))
        {
            var path = Path.Combine(sources, file);
            var text = File.ReadAllText(path);
            Assert.Contains(find, text);
            File.WriteAllText(path, text.Replace(find, replace.Replace("__MARKER__", marker)));
        }

        var footprint = Footprint.Take(marker);
        using var pipeline = new GradingPipeline(Layout);
        var report = pipeline.Grade(manifest, sources, output, "cpu", options ?? Unscreened);

        Assert.False(report.InternalError, report.Summary);
        Assert.Equal(0, report.Score);
        Assert.True(File.Exists(Path.Combine(output, "feedback.pdf")));
        using (var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))))
            Assert.Equal(0, results.RootElement.GetProperty("score").GetDouble());
        footprint.AssertUnchanged();
        return (report, output, marker);
    }

    /// <summary>The attention reference with one edit (a crash or a hang in one module), graded with the screen on.</summary>
    public static GradeReport GradeEditedReference(string name, (string File, string Find, string Replace) edit, TimeSpan? limit = null)
    {
        var manifest = Layout.Manifest("attention");
        var fault = new Checks.Manifest.FaultyVariant { Id = name, File = edit.File, Find = edit.Find, Replace = edit.Replace };
        var sources = new Verification(Layout, new GradingPipeline(Layout)).FaultySources(manifest, fault, Path.Combine(Layout.Root, "out", "test-hostile-sources", name));
        var output = Path.Combine(Layout.Root, "out", "test-hostile", name);
        using var pipeline = new GradingPipeline(Layout);
        var report = pipeline.Grade(manifest, sources, output, "cpu", new GradingOptions { TimeLimit = limit });
        Assert.False(report.InternalError, report.Summary);
        Assert.True(File.Exists(Path.Combine(output, "results.json")) && File.Exists(Path.Combine(output, "feedback.pdf")));
        return report;
    }

    /// <summary>Everything the student sees: the summary and every item's messages.</summary>
    public static string Feedback(GradeReport report) => report.Summary + "\n" + string.Join("\n", report.Items.SelectMany(i => i.Messages));

    /// <summary>What an attack must not change: the reference, the faults, a file in the shared cache, and no process or /tmp file of its own left behind.</summary>
    public sealed class Footprint
    {
        private readonly string _marker;
        private readonly string _sentinel;
        private readonly Dictionary<string, string> _hashes;

        private Footprint(string marker, string sentinel, Dictionary<string, string> hashes) => (_marker, _sentinel, _hashes) = (marker, sentinel, hashes);

        public static Footprint Take(string marker)
        {
            var cache = Directory.CreateDirectory(Layout.CacheDirectory).FullName;
            var sentinel = Path.Combine(cache, $"sentinel-{marker}.dat");
            File.WriteAllText(sentinel, marker);
            return new Footprint(marker, sentinel, Watched().ToDictionary(f => f, Hash));
        }

        public void AssertUnchanged()
        {
            try
            {
                Assert.Equal(_marker, File.ReadAllText(_sentinel));
                foreach (var (file, hash) in _hashes)
                    Assert.Equal(hash, Hash(file));
                Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Layout.CacheDirectory, $"*{_marker}*"), f => f != _sentinel);
                Assert.Empty(Directory.EnumerateFileSystemEntries("/tmp", $"*{_marker}*"));
                Assert.Empty(ProcessesMentioning(_marker));
            }
            finally
            {
                File.Delete(_sentinel);
            }
        }

        private static IEnumerable<string> Watched() =>
            Directory.EnumerateFiles(Path.Combine(Layout.Root, "reference", "attention"), "*.cs")
                .Append(Path.Combine(Layout.Root, "grader", "Grader.Attention", "faults.yaml"));

        private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

        /// <summary>Processes anywhere on the host whose command line carries the marker: what an attack started and left running.</summary>
        public static IReadOnlyList<string> ProcessesMentioning(string marker) =>
            Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Select(d =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' ');
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return "";
                }
            }).Where(c => c.Contains(marker, StringComparison.Ordinal)).ToList();
    }
}
