using System.Text.Json.Serialization;

namespace GradingHost.Checks;

/// <summary>
/// A figure the checks leave for the feedback report (<see cref="ReportArtifacts.Figure"/>), drawn in the
/// order the checks recorded it. A new kind is a record deriving from this, its line below (how it is
/// named in the artefact's JSON) and its section in the host's ReportWriter.FigureSection.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "figure")]
[JsonDerivedType(typeof(BarChart), "bar-chart")]
[JsonDerivedType(typeof(ScatterPlot), "scatter-plot")]
[JsonDerivedType(typeof(TextTable), "table")]
public abstract record ReportFigure(string Title);
