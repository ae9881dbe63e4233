namespace Course.Kit;

/// <summary>
/// The general-domain corpus (the Brown corpus stands in for the course's Pile subset), tokenised
/// at the character level with a vocabulary taken from its training split.
/// </summary>
public sealed class BrownCorpus
{
    private static readonly Lazy<BrownCorpus> Loaded = new(() =>
    {
        var trainText = CourseData.ReadText("brown-train.txt");
        var vocabulary = CharVocabulary.FromText(trainText);
        return new BrownCorpus(vocabulary,
            new TokenStream(vocabulary.Encode(trainText)),
            new TokenStream(vocabulary.Encode(CourseData.ReadText("brown-dev.txt"))));
    });

    private BrownCorpus(CharVocabulary vocabulary, TokenStream train, TokenStream dev) =>
        (Vocabulary, Train, Dev) = (vocabulary, train, dev);

    public static BrownCorpus Instance => Loaded.Value;

    public CharVocabulary Vocabulary { get; }
    public TokenStream Train { get; }
    public TokenStream Dev { get; }
}
