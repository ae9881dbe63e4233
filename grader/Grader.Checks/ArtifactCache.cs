using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GradingHost.Checks;

/// <summary>
/// Trained reference weights and baseline perplexities cost seconds to minutes and are the same for
/// every submission, so they are kept in GRADINGHOST_CACHE under a hash of everything that determines
/// them. Verify grades variants side by side, so creating one holds a lock: a second process waits
/// and reads what the first wrote instead of training the same model again.
/// </summary>
public static class ArtifactCache
{
    public const string Variable = "GRADINGHOST_CACHE";

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Loads the artefact <paramref name="fileName"/> if it is cached; otherwise creates it and saves it for the next run.</summary>
    public static void LoadOrCreate(string fileName, Action<string> load, Action create, Action<string> save)
    {
        var cache = Environment.GetEnvironmentVariable(Variable);
        if (cache is null)
        {
            create();
            return;
        }
        Directory.CreateDirectory(cache);
        var path = Path.Combine(cache, fileName);
        using (Lock(path + ".lock"))
        {
            if (File.Exists(path))
            {
                load(path);
                return;
            }
            create();
            // Written aside and moved into place, so a reader never sees half a file.
            var partial = path + $".{Environment.ProcessId}.tmp";
            save(partial);
            File.Move(partial, path, overwrite: true);
        }
    }

    /// <summary>A cached number, such as a baseline's dev perplexity.</summary>
    public static double Number(string fileName, Func<double> compute)
    {
        var value = double.NaN;
        LoadOrCreate(fileName,
            path => value = double.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture),
            () => value = compute(),
            path => File.WriteAllText(path, value.ToString("R", CultureInfo.InvariantCulture)));
        return value;
    }

    /// <summary>A short hash of the files' contents and the texts, for a cache file name.</summary>
    public static string Key(IEnumerable<string> files, params string[] texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
            hash.AppendData(File.ReadAllBytes(file));
        foreach (var text in texts)
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>
    /// An exclusive lock on a file (an advisory lock on Unix), released when disposed or when the
    /// process dies, so a grading killed at its time limit never leaves the cache locked.
    /// </summary>
    private static FileStream Lock(string path)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                Thread.Sleep(LockPoll);
            }
        }
    }
}
