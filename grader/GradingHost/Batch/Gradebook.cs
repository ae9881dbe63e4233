using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using GradingHost.Checks.Manifest;

namespace GradingHost.Batch;

/// <summary>
/// gradebook.csv: one row per student, one column of points per rubric item, then the total. UTF-8 with
/// a byte-order mark and invariant numbers, so spreadsheets and LMS imports read names and decimals alike;
/// a cell that a spreadsheet would take for a formula (student names are anyone's choice) is quoted as text.
/// </summary>
public static class Gradebook
{
    public static void Write(AssignmentManifest manifest, IReadOnlyList<StudentRecord> records, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var column in new[] { "student", "student_id", "email", "folder" }
                     .Concat(manifest.Items.Select(i => i.ExtraCredit ? $"{i.Id} (extra credit)" : i.Id))
                     .Concat(["total", "out_of", "outcome", "cause"]))
            csv.WriteField(column);
        csv.NextRecord();
        foreach (var record in records)
        {
            csv.WriteField(record.Student);
            csv.WriteField(record.StudentId);
            csv.WriteField(record.Email);
            csv.WriteField(record.Folder);
            foreach (var item in manifest.Items)
                csv.WriteField(Points(record.Items.FirstOrDefault(i => i.Id == item.Id)?.Earned ?? 0));
            csv.WriteField(Points(record.Score));
            csv.WriteField(Points(record.MaxScore));
            csv.WriteField(record.Outcome.ToString());
            csv.WriteField(record.Cause);
            csv.NextRecord();
        }
    }

    private static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
