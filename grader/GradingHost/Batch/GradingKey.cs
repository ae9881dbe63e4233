using System.Security.Cryptography;
using System.Text;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Worker.Compiling;

namespace GradingHost.Batch;

/// <summary>
/// What a grading's result depends on, as one SHA-256: the submission's bytes, the grader (its build and
/// data, the worker, the host's build, the manifest), the profile and the limits student code runs under. Gradings are deterministic, so a student whose
/// key has not changed since their last grading keeps its results instead of being graded again.
/// </summary>
public static class GradingKey
{
    /// <summary>The grader's part, the same for every student of a batch.</summary>
    public static string OfGrader(RepositoryLayout layout, AssignmentManifest manifest, string profile, GradingOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, $"profile {profile}\nhost {GradingPipeline.Version}\nmemory {options.MemoryLimitMegabytes}\ntime {options.TimeLimit}\nunsandboxed {options.Unsandboxed}\n");
        AddFile(hash, "host", typeof(GradingKey).Assembly.Location);
        var graderFolder = Path.GetDirectoryName(layout.GraderAssembly(manifest))!;
        foreach (var folder in new[] { graderFolder, layout.WorkerDirectory })
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                AddFile(hash, Path.GetRelativePath(folder, file), file);
        AddFile(hash, "manifest", Path.Combine(layout.Root, "assignments", manifest.Id, ManifestLocation.FileName));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The whole key: the grader's part and the submission's bytes (a zip's own bytes, or a folder's .cs files and their paths).</summary>
    public static string Of(string graderKey, ClassSubmission submission)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, graderKey + "\n");
        if (new FileInfo(submission.Path).LinkTarget is { } target)
            // Refused when graded; followed here, a link to / would be read whole.
            Add(hash, $"link {target}\n");
        else if (Directory.Exists(submission.Path))
        {
            // A link inside the folder gets the submission refused; removing it must change the key.
            foreach (var entry in Directory.EnumerateFileSystemEntries(submission.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (new FileInfo(entry).LinkTarget is { } inner)
                    Add(hash, $"link {Path.GetRelativePath(submission.Path, entry)} {inner}\n");
            foreach (var file in SubmissionCompilation.SourceFiles(submission.Path))
            {
                // A file larger than any submission may be is refused when graded; its size stands for it.
                if (new FileInfo(file).Length > SubmissionSource.MaxSourceBytes)
                    Add(hash, $"{Path.GetRelativePath(submission.Path, file)} {new FileInfo(file).Length} (too large)\n");
                else
                    AddFile(hash, Path.GetRelativePath(submission.Path, file), file);
            }
        }
        else if (File.Exists(submission.Path))
            AddFile(hash, "zip", submission.Path);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));

    private static void AddFile(IncrementalHash hash, string name, string path)
    {
        // Streamed: a zip may be larger than any array.
        using var stream = File.OpenRead(path);
        Add(hash, $"{name} {stream.Length}\n");
        var buffer = new byte[1 << 16];
        for (int read; (read = stream.Read(buffer)) > 0;)
            hash.AppendData(buffer, 0, read);
    }
}
