namespace GradingHost.Worker.Compiling;

/// <summary>
/// What graded code may use besides its own types: an allow-list, so that an API nobody thought of is
/// refused rather than let through. Entries are namespaces, types or members by full name; a type's
/// nested types and members come with it unless <see cref="Denied"/> names them.
/// </summary>
public static class AllowedApis
{
    /// <summary>Shown with every refusal.</summary>
    public const string Summary =
        "graded code may use the C# language, System's basic types (numbers, strings, Math, arrays, tuples, delegates, exceptions, Console.WriteLine), " +
        "collections, LINQ over collections, TorchSharp's tensors, modules, functional, init and optim, and the course kit but its corpora " +
        "(your code is handed the text it needs); files, processes, threads, reflection, the network, the environment and saving or loading models are off limits";

    public static readonly IReadOnlySet<string> Namespaces = new HashSet<string>
    {
        "System.Collections",
        "System.Collections.Generic",
        "System.Linq",
        "System.Numerics",
        "System.Text",
        "System.Globalization",
        "System.Diagnostics.CodeAnalysis",
        "TorchSharp",
        "TorchSharp.Modules",
        "Course.Kit",
    };

    public static readonly IReadOnlySet<string> Types = new HashSet<string>(
        new[]
        {
            "Object", "String", "Math", "MathF", "Boolean", "Char", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
            "Int128", "UInt128", "Half", "Single", "Double", "Decimal", "Array", "Nullable", "Nullable`1", "Enum", "HashCode", "Lazy`1",
            "Range", "Index", "Span`1", "ReadOnlySpan`1", "MemoryExtensions", "Random", "BitConverter", "Convert", "TimeSpan", "DateTime",
            "StringComparison", "StringComparer", "StringSplitOptions", "MidpointRounding",
            "IComparable", "IComparable`1", "IEquatable`1", "IDisposable", "IFormattable",
            "Exception", "SystemException", "ArgumentException", "ArgumentOutOfRangeException", "ArgumentNullException",
            "InvalidOperationException", "NotImplementedException", "NotSupportedException", "IndexOutOfRangeException",
            "ArithmeticException", "DivideByZeroException", "OverflowException", "FormatException", "InvalidCastException",
            "ObsoleteAttribute", "FlagsAttribute",
            "Predicate`1", "Comparison`1", "Converter`2",
        }.Select(t => "System." + t)
        .Concat(Enumerable.Range(0, 17).Select(n => n == 0 ? "System.Action" : $"System.Action`{n}"))
        .Concat(Enumerable.Range(1, 17).Select(n => $"System.Func`{n}"))
        .Concat(Enumerable.Range(1, 8).SelectMany(n => new[] { $"System.Tuple`{n}", $"System.ValueTuple`{n}" }))
        .Concat(["System.Tuple", "System.ValueTuple", "System.Diagnostics.Debug", "System.Diagnostics.Stopwatch"])
        // TorchSharp.Utils also holds readers and decompressors; these are what tensor code uses (tensor.data<T>()).
        .Concat(["TorchSharp.Utils.TensorAccessor`1", "TorchSharp.Utils.OrderedDict`2", "TorchSharp.Utils.FisherYatesShuffler", "TorchSharp.Utils.ReferenceEqualityComparer`1"]));

    /// <summary>Members allowed although their type is not.</summary>
    public static readonly IReadOnlySet<string> Members = new HashSet<string>
    {
        "System.Console.Write",
        "System.Console.WriteLine",
        "System.Environment.NewLine",
    };

    /// <summary>Inside allowed namespaces and types: what reaches files, threads, native libraries or other code.</summary>
    public static readonly IReadOnlyList<string> Denied =
    [
        "System.Linq.Queryable",
        "System.Linq.IQueryable",
        "System.Linq.IQueryable`1",
        "System.Linq.IOrderedQueryable",
        "System.Linq.IOrderedQueryable`1",
        "System.Linq.EnumerableQuery",
        "System.Linq.EnumerableQuery`1",
        "System.Linq.ParallelEnumerable",
        "System.Linq.ParallelQuery",
        "System.Linq.ParallelQuery`1",
        "TorchSharp.torch.jit",
        "TorchSharp.torch.hub",
        "TorchSharp.torch.export",
        "TorchSharp.torch.utils",
        "TorchSharp.torch.from_file",
        "TorchSharp.torch.set_num_threads",
        "TorchSharp.torch.set_num_interop_threads",
        "TorchSharp.FieldInfoExtensionMethods",
        "TorchSharp.ExportedProgram",
        "TorchSharp.ExportedProgram`1",
        // The course's texts: graded code is handed the text it needs; reading a dev split would let a model
        // look up what its perplexity is measured on. (The sandbox holds only Brown's training split anyway.)
        "Course.Kit.CourseData",
        "Course.Kit.BrownCorpus",
        "Course.Kit.ShakespeareCorpus",
        "Course.Kit.TinyStories",
    ];

    /// <summary>Member names that save or load tensors and modules, on any TorchSharp type (torch.save, Module.load, Tensor.WriteBytesToStream…).</summary>
    public static readonly IReadOnlySet<string> DeniedTorchSharpMembers = new HashSet<string>
    {
        "save", "load", "Save", "Load", "save_state_dict", "WriteBytesToStream", "ReadBytesFromStream",
    };
}
