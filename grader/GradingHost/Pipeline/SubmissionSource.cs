using System.IO.Compression;

namespace GradingHost.Pipeline;

/// <summary>Step 1: a submission (folder, .zip, or the words "reference"/"starter") becomes a folder of .cs files.</summary>
public static class SubmissionSource
{
    private const int MaxEntries = 2_000;
    private const long MaxSourceBytes = 5_000_000;

    /// <returns>the folder of sources and the student's name for the report</returns>
    public static (string Directory, string Student) Resolve(string submission, Checks.Manifest.AssignmentManifest manifest, RepositoryLayout layout, string workDirectory)
    {
        switch (submission)
        {
            case "reference":
                return (Gather(manifest.Reference, layout, Path.Combine(workDirectory, "reference")), "reference solution");
            case "starter":
                return (Gather(manifest.Starter, layout, Path.Combine(workDirectory, "starter")), "starter code");
        }
        var full = Path.GetFullPath(submission);
        if (Directory.Exists(full))
            return (full, Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)));
        if (File.Exists(full) && full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return (ExtractZip(full, Path.Combine(workDirectory, "submission")), Path.GetFileNameWithoutExtension(full));
        throw new UserError($"The submission '{submission}' is neither a folder, a .zip file, 'reference' nor 'starter'.");
    }

    /// <summary>Copies the .cs files of the listed folders and files into one folder, as a student would submit them.</summary>
    public static string Gather(IEnumerable<string> sources, RepositoryLayout layout, string target)
    {
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        foreach (var source in sources.Select(layout.PathInRepository))
        {
            var files = Directory.Exists(source)
                ? Checks.SubmissionCompilation.SourceFiles(source).Select(f => (From: f, To: Path.GetRelativePath(source, f)))
                : [(From: source, To: Path.GetFileName(source))];
            foreach (var (from, to) in files)
            {
                var destination = Path.Combine(target, to);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(from, destination, overwrite: false);
            }
        }
        return target;
    }

    /// <summary>Takes only .cs files, refuses paths that climb out of the folder, and caps size and count.</summary>
    private static string ExtractZip(string zipPath, string target)
    {
        Directory.CreateDirectory(target);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException)
        {
            throw new UserError($"{Path.GetFileName(zipPath)} is not a readable zip archive.");
        }
        using (archive)
        {
            if (archive.Entries.Count > MaxEntries)
                throw new UserError($"{Path.GetFileName(zipPath)} has {archive.Entries.Count} entries; at most {MaxEntries} are accepted.");
            long total = 0;
            foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            {
                var destination = Path.GetFullPath(Path.Combine(target, entry.FullName));
                if (!destination.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new UserError($"{Path.GetFileName(zipPath)} contains '{entry.FullName}', which points outside the archive.");
                total += entry.Length;
                if (total > MaxSourceBytes)
                    throw new UserError($"The .cs files in {Path.GetFileName(zipPath)} exceed {MaxSourceBytes / 1_000_000} MB.");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                entry.ExtractToFile(destination, overwrite: true);
            }
        }
        return target;
    }
}
