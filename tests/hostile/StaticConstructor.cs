namespace Homework.Attention;

/// <summary>Not an attack: a static constructor that throws, whose inner exception the feedback must show.</summary>
public static class Settings
{
    public static readonly int Width = int.Parse("__MARKER__");
}
