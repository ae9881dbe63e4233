using System.Text;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;

namespace GradingHost.Distribution;

/// <summary>
/// `gradinghost release`: what students download. The assignment's starter projects (the homework, its
/// public checks, its training runner) with everything they build from (the kit and its data, the
/// check library, the visible checks), the handout, and a README; nothing hidden. It builds anywhere
/// the .NET SDK is, with `dotnet test starter/&lt;id&gt;.tests`.
/// </summary>
public sealed class StudentRelease(RepositoryLayout layout)
{
    /// <summary>Never in a release: the reference, the hidden checks, and the files that quote the reference.</summary>
    private static bool Withheld(string file) =>
        file.Split('/') is var parts
        && (parts[0] is "reference" or "examples" or "tests" || parts.Contains("Hidden") || parts.Contains("ForTheReport")
            || parts[^1] is RepositoryLayout.FaultsFileName or EquivalentMutants.FileName);

    /// <returns>the release's files, relative to <paramref name="outDirectory"/></returns>
    public IReadOnlyList<string> Write(AssignmentManifest manifest, string outDirectory)
    {
        var projects = StarterProjects(manifest.Id);
        if (projects.Count == 0)
            throw new UserError($"The {manifest.Id} assignment has no starter project (starter/{manifest.Id}/*.csproj) to release.");
        var files = ProjectClosure.Files(layout.Root, projects)
            .Concat(["Directory.Build.props", "Directory.Packages.props", $"assignments/{manifest.Id}/handout.md", $"assignments/{manifest.Id}/{ManifestLocation.FileName}"])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (files.FirstOrDefault(Withheld) is { } leak)
            throw new UserError($"The {manifest.Id} release would contain {leak}, which students must not see: a starter project includes it. Nothing was written.");
        // Hidden entries (an IDE's .vs, .idea) are nobody's homework.
        files = files.Where(f => !f.Split('/').Any(part => part.StartsWith('.'))).ToList();
        if (GitCheckout.Open(layout.Root) is { } git)
        {
            // The starter projects are where an instructor tries a solution: from them, only what is committed ships.
            // The course's other code (kit, visible checks) ships as it is, so work in progress can be tested.
            files = files.Where(f => !f.StartsWith("starter/", StringComparison.Ordinal) || git.Tracked.Contains(f)).ToList();
            if (git.Changed(files.Where(f => f.StartsWith("starter/", StringComparison.Ordinal))) is [var changed, ..])
                throw new UserError($"{changed} differs from the last commit; from the starter projects a release holds committed files only, so that a solution typed into one cannot ship. Commit or restore it. Nothing was written.");
        }

        Replace(outDirectory);
        foreach (var file in files)
        {
            var target = Path.Combine(outDirectory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(layout.PathInRepository(file), target);
        }
        File.WriteAllText(Path.Combine(outDirectory, "README.md"), Readme(manifest, projects), Encoding.UTF8);
        File.WriteAllText(Path.Combine(outDirectory, Marker), "Written by `gradinghost release`; the next release into this folder replaces it.\n");
        return [.. files, "README.md"];
    }

    /// <summary>Left in a release, so that writing the next one may replace it (and nothing else).</summary>
    private const string Marker = ".gradinghost-release";

    /// <summary>Empties <paramref name="outDirectory"/> for the release: only a new folder, an empty one or an earlier release, never the repository or a folder around it.</summary>
    private void Replace(string outDirectory)
    {
        var target = Path.GetFullPath(outDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var root = Path.GetFullPath(layout.Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var output = Path.Combine(root, "out") + Path.DirectorySeparatorChar;
        if (root.StartsWith(target, StringComparison.Ordinal) || (target.StartsWith(root, StringComparison.Ordinal) && !target.StartsWith(output, StringComparison.Ordinal)))
            throw new UserError($"--out {outDirectory} is the repository, a folder around it or a folder in it; write the release to a folder of its own (or under out/).");
        if (!Directory.Exists(outDirectory))
            return;
        if (Directory.EnumerateFileSystemEntries(outDirectory).Any() && !File.Exists(Path.Combine(outDirectory, Marker)))
            throw new UserError($"--out {outDirectory} is neither empty nor an earlier release; nothing was written. Choose a new or empty folder.");
        Directory.Delete(outDirectory, recursive: true);
    }

    /// <summary>starter/&lt;id&gt;, starter/&lt;id&gt;.tests, starter/&lt;id&gt;.train: whichever exist.</summary>
    private List<string> StarterProjects(string id) =>
        new[] { id, $"{id}.tests", $"{id}.train" }
            .Select(folder => Path.Combine(layout.Root, "starter", folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj"))
            .Select(p => Path.GetRelativePath(layout.Root, p))
            .Order(StringComparer.Ordinal).ToList();

    private static string Readme(AssignmentManifest manifest, IReadOnlyList<string> projects)
    {
        var id = manifest.Id;
        var text = new StringBuilder($"# {manifest.Title}\n\n");
        text.Append($"The handout is `assignments/{id}/handout.md`. Your code goes in `starter/{id}/`: implement every method that throws ")
            .Append("`NotImplementedException`, and keep the class, field and method names the handout gives.\n\n")
            .Append("You need the .NET 10 SDK. From this folder:\n\n```\n");
        if (projects.Any(p => p.Contains($"{id}.tests", StringComparison.Ordinal)))
            text.Append($"dotnet test starter/{id}.tests        # the public checks, on your code\n");
        if (projects.Any(p => p.Contains($"{id}.train", StringComparison.Ordinal)))
            text.Append($"dotnet run --project starter/{id}.train   # train on your machine as the grader does, with your code (the handout says what it prints)\n");
        text.Append("```\n\nThe public checks are some of the grader's checks; the grader runs more, on inputs it does not publish.\n")
            .Append("Hand in, as one folder or one .zip, the .cs files of: ")
            .Append(string.Join(", ", manifest.Starter.Select(s => $"`{s}`")))
            .Append(".\n");
        return text.ToString();
    }
}
