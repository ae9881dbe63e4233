using GradingHost.Checks.Manifest;

namespace GradingHost.Pipeline;

/// <summary>Where things are in a checkout: assignments, their manifests, and the built graders.</summary>
public sealed class RepositoryLayout
{
    private RepositoryLayout(string root, string configuration) => (Root, Configuration) = (root, configuration);

    public string Root { get; }

    /// <summary>The build configuration the host itself was built in ("debug"/"release"); graders are taken from the same.</summary>
    public string Configuration { get; }

    public static RepositoryLayout Discover()
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GradingHost.sln")) || File.Exists(Path.Combine(dir.FullName, PackageMarker)))
                return new RepositoryLayout(dir.FullName, Path.GetFileName(here));
        }
        throw new InvalidOperationException($"gradinghost must run from a build inside the repository or a package (no GradingHost.sln or {PackageMarker} above {here}).");
    }

    public IReadOnlyList<string> AssignmentIds =>
        Directory.EnumerateDirectories(Path.Combine(Root, "assignments"))
            .Where(d => File.Exists(Path.Combine(d, ManifestLocation.FileName)))
            .Select(Path.GetFileName).OfType<string>().Order().ToList();

    /// <summary>Trained models and other expensive artefacts, written only by trusted code (the checker), keyed by content.</summary>
    public string CacheDirectory => Path.Combine(Root, ".cache");

    public string ManifestPath(string assignmentId) => Path.Combine(Root, "assignments", assignmentId, ManifestLocation.FileName);

    public AssignmentManifest Manifest(string assignmentId)
    {
        var path = ManifestPath(assignmentId);
        if (!File.Exists(path))
            throw new UserError($"There is no assignment '{assignmentId}'. Known assignments: {string.Join(", ", AssignmentIds)}.");
        var manifest = AssignmentManifest.Load(path);
        var faults = Path.Combine(Root, "grader", manifest.Grader, FaultsFileName);
        if (File.Exists(faults))
            manifest.LoadFaults(faults);
        return manifest;
    }

    /// <summary>Beside each grader's project: the faults quote the reference, so they stay out of the published assignment folder.</summary>
    public const string FaultsFileName = "faults.yaml";

    /// <summary>The root of an autograder package (`gradinghost package`), which has no solution file.</summary>
    public const string PackageMarker = "GRADINGHOST-PACKAGE.txt";

    public string GraderAssembly(AssignmentManifest manifest)
    {
        var path = Path.Combine(Root, "artifacts", "bin", manifest.Grader, Configuration, manifest.Grader + ".dll");
        if (!File.Exists(path))
            throw new UserError($"The grader {manifest.Grader} is not built ({path} is missing); run `dotnet build GradingHost.sln -c {Configuration}`.");
        return path;
    }

    /// <summary>The worker's build folder: the only code the sandbox sees besides the submission (no reference, no graders).</summary>
    public string WorkerDirectory
    {
        get
        {
            var path = Path.Combine(Root, "artifacts", "worker", Configuration);
            if (!File.Exists(Path.Combine(path, "Grader.Worker.dll")))
                throw new UserError($"The worker is not built ({path} is missing); run `dotnet build GradingHost.sln -c {Configuration}`.");
            return path;
        }
    }

    public string PathInRepository(string relative) => Path.Combine(Root, relative);
}
