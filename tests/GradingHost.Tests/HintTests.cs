using System.Diagnostics;
using System.Text.RegularExpressions;
using GradingHost.Pipeline;
using Xunit;

namespace GradingHost.Tests;

/// <summary>What the manifests' hints promise a student can run exists and runs.</summary>
public sealed class HintTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    public static TheoryData<string> PromisedProjects => new(RepositoryLayout.Discover().AssignmentIds
        .SelectMany(id => Regex.Matches(File.ReadAllText(Path.Combine(RepositoryLayout.Discover().Root, "assignments", id, "assignment.yaml")), @"dotnet run --project (\S+?)`")
            .Select(m => m.Groups[1].Value))
        .Distinct());

    [Theory]
    [MemberData(nameof(PromisedProjects))]
    public async Task AProjectAHintNamesExistsAndTrainsTheStudentsModel(string project)
    {
        var folder = Path.Combine(Layout.Root, project);
        var csproj = Assert.Single(Directory.GetFiles(folder, "*.csproj"));
        var name = Path.GetFileNameWithoutExtension(csproj);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(Layout.Root, "artifacts", "bin", name, Layout.Configuration, name + ".dll"), "--steps", "2" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        // The repository's starter is not implemented: the runner says so instead of crashing.
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Not implemented yet", output);
    }
}
