namespace GradingHost.Protocol;

/// <summary>Bounds on what the checker accepts from a worker, far above anything a check exchanges.</summary>
public static class WireLimits
{
    /// <summary>256 MB of float32; the largest tensor a check exchanges is a batch of logits of a few MB.</summary>
    public const long MaxTensorElements = 64_000_000;

    public const int MaxTensorRank = 8;

    /// <summary>One message; a message this large would be a batch of logits hundreds of times the largest a check asks for.</summary>
    public const int MaxMessageBytes = 512 << 20;

    /// <summary>Text from student code (exception messages, type names) is cut to this many characters.</summary>
    public const int MaxTextLength = 2_000;
}
