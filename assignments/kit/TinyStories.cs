namespace Course.Kit;

/// <summary>
/// The TinyStories files the course ships (assignments/data/README.md), as lists of stories. The model
/// family reads them character by character, each story followed by <see cref="EndOfStory"/>.
/// </summary>
public sealed class TinyStories
{
    /// <summary>The character written after every story (ASCII's "end of text"); no story contains it.</summary>
    public const char EndOfStory = '\u0003';

    /// <summary>The study's sample: the first stories of the valid split.</summary>
    public const int StudyStories = 50;

    private const string Marker = "<|endoftext|>";

    private TinyStories(IReadOnlyList<string> train, IReadOnlyList<string> valid)
    {
        Train = train;
        Valid = valid;
        Vocabulary = CharVocabulary.FromText(Joined(train));
    }

    public IReadOnlyList<string> Train { get; }

    public IReadOnlyList<string> Valid { get; }

    /// <summary>One id per character of the train split, <see cref="EndOfStory"/> included.</summary>
    public CharVocabulary Vocabulary { get; }

    public long EndOfStoryId => Vocabulary.Encode(EndOfStory.ToString())[0];

    /// <summary>The stories a study evaluates: the first <see cref="StudyStories"/> of the valid split.</summary>
    public IReadOnlyList<string> StudySample => Valid.Take(StudyStories).ToList();

    public static TinyStories Load() =>
        new(Stories(CourseData.ReadText("tinystories-train.txt")), Stories(CourseData.ReadText("tinystories-valid.txt")));

    /// <summary>The train split as one token stream, every story followed by <see cref="EndOfStory"/>.</summary>
    public TokenStream TrainingStream() => new(Vocabulary.Encode(Joined(Train)));

    private static string Joined(IEnumerable<string> stories) => string.Concat(stories.Select(s => s + EndOfStory));

    private static List<string> Stories(string text) =>
        text.Replace("\r\n", "\n").Split(Marker)
            .Select(s => s.Trim('\n'))
            .Where(s => s.Length > 0)
            .ToList();
}
