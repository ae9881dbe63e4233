namespace GradingHost.Batch;

/// <summary>One student's submission in a class folder.</summary>
/// <param name="Folder">the student's output folder name: unique in the class and safe as a path</param>
/// <param name="Student">the name the gradebook and the reports show</param>
/// <param name="Path">the submission: a folder or a .zip</param>
/// <param name="StudentId">the student id Gradescope's export gives, when it does</param>
/// <param name="Email">the e-mail address Gradescope's export gives, when it does</param>
public sealed record ClassSubmission(string Folder, string Student, string Path, string StudentId = "", string Email = "");
