using System.Xml.Linq;

namespace GradingHost.Rubric;

/// <summary>Reads the xunit v3 XML report into check outcomes.</summary>
public static class CheckResults
{
    private const string FeedbackException = "GradingHost.Checks.StudentFeedback";
    private const string CodeFailedException = "GradingHost.Checks.StudentCodeFailed";
    private const long MaxReportBytes = 64 << 20;

    /// <summary>The outcomes, or null when the report is missing, oversized or not the XML xunit writes.</summary>
    public static IReadOnlyDictionary<string, CheckOutcome>? TryRead(string xmlPath)
    {
        try
        {
            return new FileInfo(xmlPath).Length > MaxReportBytes ? null : Read(XDocument.Load(xmlPath));
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IReadOnlyDictionary<string, CheckOutcome> Read(XDocument document)
    {
        var outcomes = new Dictionary<string, CheckOutcome>();
        foreach (var test in document.Descendants("test"))
        {
            var type = (string?)test.Attribute("type") ?? "";
            var name = $"{type[(type.LastIndexOf('.') + 1)..]}.{(string?)test.Attribute("method")}";
            var failure = test.Element("failure");
            var exception = (string?)failure?.Attribute("exception-type") ?? "";
            var message = failure?.Element("message")?.Value.Trim() ?? "";
            outcomes[name] = (string?)test.Attribute("result") switch
            {
                "Pass" => new CheckOutcome(name, CheckVerdict.Passed, ""),
                "Fail" when exception == typeof(NotImplementedException).FullName =>
                    new CheckOutcome(name, CheckVerdict.NotImplemented, $"Not implemented yet: your code still throws NotImplementedException ({FirstLine(WithoutTypePrefix(message, exception))})."),
                "Fail" when exception == FeedbackException => new CheckOutcome(name, CheckVerdict.Failed, WithoutTypePrefix(message, exception)),
                "Fail" when exception == CodeFailedException => new CheckOutcome(name, CheckVerdict.CodeFailed, WithoutTypePrefix(message, exception)),
                "Fail" => new CheckOutcome(name, CheckVerdict.Failed, $"The check stopped with {exception}: {FirstLine(message)}"),
                _ => new CheckOutcome(name, CheckVerdict.NotRun, "This check did not run."),
            };
        }
        return outcomes;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>xunit writes "Type : message"; the student needs only the message.</summary>
    private static string WithoutTypePrefix(string message, string exception) =>
        message.StartsWith(exception + " : ", StringComparison.Ordinal) ? message[(exception.Length + 3)..] : message;
}
