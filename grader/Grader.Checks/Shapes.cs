namespace GradingHost.Checks;

public static class Shapes
{
    public static string Show(IEnumerable<long> shape) => $"({string.Join(", ", shape)})";
}
