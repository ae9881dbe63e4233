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
        return new BrownCorpus(vocabulary, new TokenStream(vocabulary.Encode(trainText)));
    });

    // Read when first asked for: the grader's sandboxed worker trains on the training split and holds no other text.
    private readonly Lazy<TokenStream> _dev;

    private BrownCorpus(CharVocabulary vocabulary, TokenStream train)
    {
        (Vocabulary, Train) = (vocabulary, train);
        _dev = new Lazy<TokenStream>(() => new TokenStream(vocabulary.Encode(CourseData.ReadText("brown-dev.txt"))));
    }

    public static BrownCorpus Instance => Loaded.Value;

    public CharVocabulary Vocabulary { get; }
    public TokenStream Train { get; }
    public TokenStream Dev => _dev.Value;
}
