namespace GradingHost.Checks;

/// <summary>Parameter names and shapes are part of the contract: this copies one module's weights into another by name.</summary>
public static class Weights
{
    public static void Copy(ModuleUnderTest source, ModuleUnderTest target, string what)
    {
        var from = source.Parameters.ToDictionary(p => p.Name, p => p.Shape);
        var to = target.Parameters.ToDictionary(p => p.Name, p => p.Shape);
        var missing = from.Keys.Except(to.Keys).Order().ToList();
        var extra = to.Keys.Except(from.Keys).Order().ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new StudentFeedback(
                $"The parameters of your {what} are not the ones the handout names. " +
                (missing.Count > 0 ? $"Missing: {string.Join(", ", missing)}. " : "") +
                (extra.Count > 0 ? $"Not expected: {string.Join(", ", extra)}. " : "") +
                "Check the field names and that every sub-module is registered (RegisterComponents()).");
        foreach (var (name, shape) in from)
            if (!to[name].SequenceEqual(shape))
                throw new StudentFeedback($"Parameter {name} of your {what} has shape {Shapes.Show(to[name])}; the handout says {Shapes.Show(shape)}.");
        target.Load(source.ParameterValues(what), what);
    }
}
