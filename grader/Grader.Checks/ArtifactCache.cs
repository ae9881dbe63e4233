namespace GradingHost.Checks;

/// <summary>
/// Trained weights cost seconds to minutes and are the same for every grading of the same model (the
/// reference, the reports' baselines, a regrade), so they are kept in GRADINGHOST_CACHE under a hash of
/// everything that determines them. Verify grades variants side by side, so creating one holds a lock:
/// a second process waits and reads what the first wrote instead of training the same model again.
/// </summary>
public static class ArtifactCache
{
    public const string Variable = "GRADINGHOST_CACHE";

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Longer than any cached training takes; past it something is wrong, and computing is better than waiting for the time limit.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Loads the artefact <paramref name="fileName"/> if it is cached and <paramref name="load"/> can read
    /// it; otherwise creates it and, where the cache can be written, saves it for the next run. A cache
    /// that cannot be used only costs time.
    /// </summary>
    public static void LoadOrCreate(string fileName, Func<string, bool> load, Action create, Action<string> save)
    {
        // A hit needs no lock, so a cache filled by someone else and shared read-only works.
        if (TryLoad(fileName, load))
            return;
        var cache = Environment.GetEnvironmentVariable(Variable);
        if (cache is null)
        {
            create();
            return;
        }
        var path = Path.Combine(cache, fileName);
        using var held = TryLock(path + ".lock");
        if (File.Exists(path) && load(path))
            return;
        create();
        if (held is not null)
            Store(path, save);
    }

    /// <summary>Loads the artefact <paramref name="fileName"/> if it is cached and readable; never creates it.</summary>
    public static bool TryLoad(string fileName, Func<string, bool> load) =>
        Environment.GetEnvironmentVariable(Variable) is { } cache
        && File.Exists(Path.Combine(cache, fileName))
        && load(Path.Combine(cache, fileName));

    /// <summary>
    /// An exclusive lock on a file (an advisory lock on Unix), released when disposed or when the
    /// process dies, so a grading killed at its time limit never leaves the cache locked. Null when the
    /// cache cannot be written or the holder takes longer than <see cref="LockWait"/>.
    /// </summary>
    private static FileStream? TryLock(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            // Another process holds the lock while it creates the artefact; other I/O errors are subclasses.
            catch (IOException e) when (e.GetType() == typeof(IOException) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(LockPoll);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>Written aside and moved into place, so a reader never sees half a file; a full disk costs only the caching.</summary>
    private static void Store(string path, Action<string> save)
    {
        var partial = path + $".{Environment.ProcessId}.tmp";
        try
        {
            save(partial);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
        }
    }
}
