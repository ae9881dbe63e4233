using System.IO.Compression;
using System.Text;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;

namespace GradingHost.Distribution;

/// <summary>
/// `gradinghost package`: Gradescope's autograder zip for one assignment. At its root, setup.sh (run once
/// when Gradescope builds the image) and run_autograder (run per submission); beside them the sources of
/// the host and the assignment's grader, with the reference it compares against, which setup.sh builds.
/// The reference reaches only the trusted checker: student code runs in the sandbox, which sees the
/// worker and the submission and nothing else of this folder.
/// </summary>
public sealed class GradescopePackage(RepositoryLayout layout)
{
    public const string ScriptsFolder = "grader/GradingHost/Distribution/Gradescope";

    /// <summary>Not needed to grade, and they quote the reference: left out.</summary>
    private static readonly string[] Unneeded = [RepositoryLayout.FaultsFileName, EquivalentMutants.FileName];

    /// <returns>the zip's entries</returns>
    public IReadOnlyList<string> Write(AssignmentManifest manifest, string zipPath)
    {
        var files = ProjectClosure.Files(layout.Root, ["grader/GradingHost/GradingHost.csproj", $"grader/{manifest.Grader}/{manifest.Grader}.csproj"])
            .Where(f => !Unneeded.Contains(Path.GetFileName(f)) && !f.StartsWith(ScriptsFolder, StringComparison.Ordinal))
            .Concat(["Directory.Build.props", "Directory.Packages.props", "gradinghost", "grader/scripts/setup-native.sh", "grader/scripts/setup-sandbox.sh",
                     $"assignments/{manifest.Id}/{ManifestLocation.FileName}"])
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        if (File.Exists(zipPath))
            File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in files)
            Add(zip, file, File.ReadAllBytes(layout.PathInRepository(file)), Executable(layout.PathInRepository(file)));
        foreach (var script in new[] { "setup.sh", "run_autograder" })
            Add(zip, script, Encoding.UTF8.GetBytes(File.ReadAllText(layout.PathInRepository($"{ScriptsFolder}/{script}"))
                .Replace("__ASSIGNMENT__", manifest.Id).Replace("__GRADER__", manifest.Grader)), executable: true);
        Add(zip, RepositoryLayout.PackageMarker, Encoding.UTF8.GetBytes(
            $"GradingHost {GradingPipeline.Version} autograder for '{manifest.Id}' ({manifest.Title}), made by `gradinghost package`.\n"), executable: false);
        return [.. files, "setup.sh", "run_autograder", RepositoryLayout.PackageMarker];
    }

    private static bool Executable(string path) => (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;

    /// <summary>Gradescope unzips on Linux: the Unix mode travels in the entry's external attributes.</summary>
    private static void Add(ZipArchive zip, string name, byte[] content, bool executable)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.ExternalAttributes = (int)((executable ? 0b111_101_101u : 0b110_100_100u) | 0x8000u) << 16;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
