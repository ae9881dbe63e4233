using System.IO.Compression;
using GradingHost.Checks.Manifest;
using GradingHost.Worker.Compiling;

namespace GradingHost.Pipeline;

/// <summary>
/// Step 1: a submission (folder, .zip, or the words "reference"/"starter") becomes a private folder of
/// .cs files: copies of regular files only, never following a link, within the same caps for folders
/// and archives, readable by the sandbox's unprivileged user.
/// </summary>
public static class SubmissionSource
{
    public const int MaxFiles = 2_000;
    public const long MaxSourceBytes = 5_000_000;

    /// <returns>the folder of sources and the student's name for the report</returns>
    /// <exception cref="SubmissionRefused">the submission cannot be graded as handed in</exception>
    public static (string Directory, string Student) Resolve(string submission, AssignmentManifest manifest, RepositoryLayout layout, string workDirectory)
    {
        var target = Path.Combine(workDirectory, "sources");
        switch (submission)
        {
            case "reference":
                return (Gather(manifest.Reference, layout, target), "reference solution");
            case "starter":
                return (Gather(manifest.Starter, layout, target), "starter code");
        }
        var full = Path.GetFullPath(submission);
        if (new FileInfo(full).LinkTarget is not null)
            throw new SubmissionRefused($"The submission '{Path.GetFileName(full)}' is a symbolic link; hand in the files themselves.");
        if (Directory.Exists(full))
            return (CopyFolder(full, target), Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)));
        if (File.Exists(full) && full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return (ExtractZip(full, target), Path.GetFileNameWithoutExtension(full));
        throw new UserError($"The submission '{submission}' is neither a folder, a .zip file, 'reference' nor 'starter'.");
    }

    /// <summary>Copies the .cs files of the listed folders and files into one folder, as a student would submit them.</summary>
    public static string Gather(IEnumerable<string> sources, RepositoryLayout layout, string target)
    {
        Fresh(target);
        foreach (var source in sources.Select(layout.PathInRepository))
        {
            var files = Directory.Exists(source)
                ? SubmissionCompilation.SourceFiles(source).Select(f => (From: f, To: Path.GetRelativePath(source, f)))
                : [(From: source, To: Path.GetFileName(source))];
            foreach (var (from, to) in files)
                Place(target, to, File.ReadAllBytes(from));
        }
        return target;
    }

    private static string CopyFolder(string folder, string target)
    {
        var links = Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => new FileInfo(p).LinkTarget is not null)
            .Select(p => Path.GetRelativePath(folder, p))
            .Order(StringComparer.Ordinal).ToList();
        if (links.Count > 0)
            throw new SubmissionRefused($"The submission contains symbolic links ({string.Join(", ", links.Take(5))}); hand in the files themselves.");
        var files = SubmissionCompilation.SourceFiles(folder);
        if (files.Count > MaxFiles)
            throw new SubmissionRefused($"The submission has {files.Count} .cs files; at most {MaxFiles} are accepted.");
        if (files.Sum(f => new FileInfo(f).Length) > MaxSourceBytes)
            throw new SubmissionRefused($"The submission's .cs files exceed {MaxSourceBytes / 1_000_000} MB.");
        Fresh(target);
        foreach (var file in files)
            Place(target, Path.GetRelativePath(folder, file), File.ReadAllBytes(file));
        return target;
    }

    /// <summary>Takes only .cs files, refuses paths that climb out of the folder, and caps their number and their actual (not declared) size.</summary>
    private static string ExtractZip(string zipPath, string target)
    {
        var name = Path.GetFileName(zipPath);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException)
        {
            throw new SubmissionRefused($"{name} is not a readable zip archive.");
        }
        Fresh(target);
        using (archive)
        {
            if (archive.Entries.Count > MaxFiles)
                throw new SubmissionRefused($"{name} has {archive.Entries.Count} entries; at most {MaxFiles} are accepted.");
            long total = 0;
            foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            {
                var relative = entry.FullName.Replace('\\', '/');
                var destination = Path.GetFullPath(Path.Combine(target, relative));
                if (Path.IsPathRooted(relative) || !destination.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new SubmissionRefused($"{name} contains '{entry.FullName}', which points outside the archive.");
                using var content = new MemoryStream();
                try
                {
                    using var stream = entry.Open();
                    var chunk = new byte[81920];
                    int read;
                    while ((read = stream.Read(chunk)) > 0)
                    {
                        total += read;
                        if (total > MaxSourceBytes)
                            throw new SubmissionRefused($"The .cs files in {name} exceed {MaxSourceBytes / 1_000_000} MB once unpacked.");
                        content.Write(chunk, 0, read);
                    }
                }
                catch (InvalidDataException)
                {
                    throw new SubmissionRefused($"{name} is damaged: '{entry.FullName}' cannot be unpacked.");
                }
                Place(target, Path.GetRelativePath(target, destination), content.ToArray());
            }
        }
        return target;
    }

    private static void Fresh(string target)
    {
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, Readable | UnixFileMode.UserWrite | Traversable);
    }

    /// <summary>Writes a file readable by the sandbox's unprivileged user, creating its folders.</summary>
    private static void Place(string target, string relative, byte[] content)
    {
        var directory = target;
        foreach (var part in (Path.GetDirectoryName(relative) ?? "").Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            directory = Path.Combine(directory, part);
            if (Directory.Exists(directory))
                continue;
            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, Readable | UnixFileMode.UserWrite | Traversable);
        }
        var destination = Path.Combine(target, relative);
        File.WriteAllBytes(destination, content);
        File.SetUnixFileMode(destination, Readable | UnixFileMode.UserWrite);
    }

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Traversable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
}
