using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using GradingHost.Distribution;
using GradingHost.Pipeline;
using Xunit;

namespace GradingHost.Tests;

/// <summary>What students download (`release`) and what Gradescope runs (`package`).</summary>
public sealed class DistributionTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    /// <summary>
    /// The release builds in a folder of its own with only the .NET SDK; its public checks fail on the
    /// starter as "not implemented" and pass once the reference's files are put in its place.
    /// </summary>
    [Fact]
    public void TheReleaseBuildsAloneAndItsPublicChecksJudgeTheStarterAndTheReference()
    {
        var manifest = Layout.Manifest("attention");
        var release = Path.Combine(Layout.Root, "out", "test-release", "attention");
        if (Directory.Exists(release))
            Directory.Delete(release, recursive: true);
        var files = new StudentRelease(Layout).Write(manifest, release);

        Assert.Contains("starter/attention.tests/Attention.PublicTests.csproj", files);
        Assert.Contains("assignments/attention/handout.md", files);
        Assert.Contains("assignments/data/brown-train.txt", files);
        Assert.DoesNotContain(files, f => f.StartsWith("reference/", StringComparison.Ordinal) || f.Contains("/Hidden/", StringComparison.Ordinal)
                                          || f.EndsWith("faults.yaml", StringComparison.Ordinal));
        var referenceLine = File.ReadAllLines(Path.Combine(Layout.Root, "reference", "attention", "CausalSelfAttention.cs")).First(l => l.Contains("Math.Sqrt", StringComparison.Ordinal)).Trim();
        Assert.DoesNotContain(files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)), f => File.ReadAllText(Path.Combine(release, f)).Contains(referenceLine, StringComparison.Ordinal));

        var (starterExit, starterOutput) = DotnetTest(release);
        Assert.True(starterExit != 0, starterOutput);
        Assert.Contains("NotImplementedException", starterOutput);

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Layout.Root, "reference", "attention"), "*.cs"))
        {
            // Copying keeps the reference's older time stamp; a student's edit is newer than the last build, so make it so.
            var target = Path.Combine(release, "starter", "attention", Path.GetFileName(file));
            File.Copy(file, target, overwrite: true);
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
        var (referenceExit, referenceOutput) = DotnetTest(release);
        Assert.True(referenceExit == 0, referenceOutput);
    }

    /// <summary>A release replaces only an earlier release: never a folder with other files, the repository or one in it.</summary>
    [Fact]
    public void AReleaseReplacesNothingButAnEarlierRelease()
    {
        var manifest = Layout.Manifest("attention");
        var folder = Path.Combine(Layout.Root, "out", "test-release", "not-a-release");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "thesis.tex"), "keep me");
        var release = new StudentRelease(Layout);

        Assert.Contains("neither empty nor an earlier release", Assert.Throws<UserError>(() => release.Write(manifest, folder)).Message);
        Assert.True(File.Exists(Path.Combine(folder, "thesis.tex")));
        Assert.Throws<UserError>(() => release.Write(manifest, Layout.Root));
        Assert.Throws<UserError>(() => release.Write(manifest, Path.Combine(Layout.Root, "starter")));
        Assert.True(Directory.Exists(Path.Combine(Layout.Root, "starter", "attention")));
    }

    /// <summary>What git reports decides what a release may hold: tracked files only, and none that differ from the last commit.</summary>
    [Fact]
    public void OnlyCommittedFilesAreReleased()
    {
        var repository = Directory.CreateTempSubdirectory().FullName;
        void Git(params string[] arguments)
        {
            var start = new ProcessStartInfo("git", ["-C", repository, "-c", "user.name=t", "-c", "user.email=t@t", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
        }
        Git("init", "-q");
        File.WriteAllText(Path.Combine(repository, "Starter.cs"), "// the stub\n");
        Git("add", "Starter.cs");
        Git("commit", "-q", "-m", "starter");
        File.WriteAllText(Path.Combine(repository, "Solution.cs"), "// an instructor's answer\n");

        var checkout = GitCheckout.Open(repository)!;
        Assert.Equal(["Starter.cs"], checkout.Tracked);
        Assert.Empty(checkout.Changed(["Starter.cs"]));
        File.WriteAllText(Path.Combine(repository, "Starter.cs"), "// the stub, solved\n");
        Assert.Equal(["Starter.cs"], checkout.Changed(["Starter.cs"]));
        Assert.Null(GitCheckout.Open(Directory.CreateTempSubdirectory().FullName));
        Directory.Delete(repository, recursive: true);
    }

    [Fact]
    public void ThePackageHoldsTheScriptsAndTheSourcesButNotTheFaults()
    {
        var zipPath = Path.Combine(Layout.Root, "out", "test-package", "attention.zip");
        new GradescopePackage(Layout).Write(Layout.Manifest("attention"), zipPath);
        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();

        foreach (var script in new[] { "setup.sh", "run_autograder", "gradinghost" })
            Assert.Equal(0b111_101_101, (zip.GetEntry(script)!.ExternalAttributes >> 16) & 0b111_111_111);
        Assert.Contains(RepositoryLayout.PackageMarker, names);
        Assert.Contains("grader/Grader.Attention/Hidden/ScaleChecks.cs", names);
        Assert.Contains("reference/attention/CausalSelfAttention.cs", names);
        Assert.DoesNotContain(names, n => n.EndsWith("faults.yaml", StringComparison.Ordinal) || n.EndsWith("equivalent-mutants.yaml", StringComparison.Ordinal)
                                          || n.StartsWith("examples/", StringComparison.Ordinal) || n.StartsWith("tests/", StringComparison.Ordinal)
                                          || n.StartsWith("starter/", StringComparison.Ordinal) || n.Contains("Grader.Sampling", StringComparison.Ordinal));
        using var runner = new StreamReader(zip.GetEntry("run_autograder")!.Open());
        Assert.Contains("--assignment attention", runner.ReadToEnd());
    }

    /// <summary>
    /// run_autograder against an /autograder-shaped folder, run as Gradescope runs it (a copy at the root, the zip
    /// unpacked in source/), with the host this checkout built standing in for what setup.sh builds: a correct
    /// submission, one that does not compile, and a host that cannot start all leave results.json. Without the
    /// stand-in it looks for the host in source/, where setup.sh builds it.
    /// </summary>
    [Fact]
    public void RunAutograderAlwaysLeavesResults()
    {
        var manifest = Layout.Manifest("attention");
        var root = Path.Combine(Layout.Root, "out", "test-package", "autograder");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        var zipPath = Path.Combine(Layout.Root, "out", "test-package", "run-autograder.zip");
        new GradescopePackage(Layout).Write(manifest, zipPath);
        ZipFile.ExtractToDirectory(zipPath, Path.Combine(root, "source"));
        var runner = Path.Combine(root, "run_autograder");
        File.Copy(Path.Combine(root, "source", "run_autograder"), runner);

        double Score(string submission, string? home)
        {
            if (Directory.Exists(Path.Combine(root, "results")))
                Directory.Delete(Path.Combine(root, "results"), recursive: true);
            SubmissionSource.Gather([submission], Layout, Path.Combine(root, "submission"));
            var start = new ProcessStartInfo("/bin/bash", [runner]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["AUTOGRADER_ROOT"] = root;
            if (home is not null)
                start.Environment["GRADINGHOST_HOME"] = home;
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")));
            return results.RootElement.GetProperty("score").GetDouble();
        }

        Assert.Equal(20, Score(manifest.Reference[0], Layout.Root));
        Assert.Equal(0, Score("examples/attention/does-not-compile", Layout.Root));
        Assert.Equal(0, Score(manifest.Reference[0], Path.Combine(root, "no-host-here")));
        Assert.Contains("autograder failed", File.ReadAllText(Path.Combine(root, "results", "results.json")));
        Assert.Equal(0, Score(manifest.Reference[0], null));
        Assert.Contains(Path.Combine(root, "source", "artifacts"), File.ReadAllText(Path.Combine(root, "results", "grading.log")));
    }

    private static (int Exit, string Output) DotnetTest(string folder)
    {
        var start = new ProcessStartInfo("dotnet", ["test", "starter/attention.tests", "-nologo", "-p:UseSharedCompilation=false", "-nodeReuse:false"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
