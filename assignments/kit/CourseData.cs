namespace Course.Kit;

/// <summary>The corpora the course ships (see assignments/data/README.md for provenance).</summary>
public static class CourseData
{
    public static string PathOf(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The course data file '{fileName}' is missing next to the program (looked in {path}).", path);
        return path;
    }

    public static string ReadText(string fileName) => File.ReadAllText(PathOf(fileName));
}
