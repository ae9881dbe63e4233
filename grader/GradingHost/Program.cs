using System.CommandLine;
using GradingHost.Cli;
using GradingHost.Checks;
using GradingHost.Pipeline;

var assignment = new Option<string>("--assignment") { Description = "assignment id, e.g. attention (see `gradinghost list`)", Required = true };
var submission = new Option<string>("--submission") { Description = "a folder or .zip of .cs files, or 'reference' / 'starter'", Required = true };
var outDir = new Option<string>("--out") { Description = "where results.json and feedback.pdf go", Required = true };
var profile = ProfileOption();
var unsandboxed = new Option<bool>("--unsandboxed") { Description = "run student code without the sandbox: only to grade your own code on your own machine (the report says so)" };
var verifyUnsandboxed = new Option<bool>("--unsandboxed") { Description = "run the variants without the sandbox (instructors' code only)" };
var verifyOut = new Option<string>("--out") { Description = "where each graded variant's outputs go", DefaultValueFactory = _ => "out/verify" };
var verifyProfile = ProfileOption();

var memory = MemoryOption();
var grade = new Command("grade", "Grade one submission: writes results.json (Gradescope format) and feedback.pdf.") { assignment, submission, outDir, profile, unsandboxed, memory };
grade.SetAction(r => Commands.Grade(r.GetValue(assignment)!, r.GetValue(submission)!, r.GetValue(outDir)!, r.GetValue(profile)!,
    new GradingOptions { Unsandboxed = r.GetValue(unsandboxed), MemoryLimitMegabytes = r.GetValue(memory) }));

var verifyAssignment = new Option<string>("--assignment") { Description = "assignment id", Required = true };
var verify = new Command("verify", "Prove the grader: reference full marks, starter zero, each known fault loses exactly its item.") { verifyAssignment, verifyOut, verifyProfile, verifyUnsandboxed };
verify.SetAction(r => Commands.Verify(r.GetValue(verifyAssignment)!, r.GetValue(verifyOut)!, r.GetValue(verifyProfile)!,
    new GradingOptions { Unsandboxed = r.GetValue(verifyUnsandboxed) }));

var examplesAssignment = new Option<string?>("--assignment") { Description = "only this assignment's examples" };
var examplesOut = new Option<string>("--out") { Description = "where each example's outputs go", DefaultValueFactory = _ => "out" };
var examplesCommand = new Command("examples", "Grade the example submissions (examples/<assignment>/<example>) and hold each to its expected.yaml.") { examplesAssignment, examplesOut };
examplesCommand.SetAction(r => Commands.Examples(r.GetValue(examplesAssignment), r.GetValue(examplesOut)!, GradingOptions.Default));

var mutateAssignment = new Option<string>("--assignment") { Description = "assignment id", Required = true };
var mutateOut = new Option<string>("--out") { Description = "where each mutant's sources and outputs go, and report.txt", DefaultValueFactory = _ => "out/mutate" };
var mutateProfile = ProfileOption();
var mutateOnly = new Option<string?>("--only") { Description = "only the mutants whose id contains this text, e.g. \"Sampler.cs:30\"" };
var mutateLimit = new Option<int?>("--limit") { Description = "grade at most this many mutants, spread evenly over them" };
var mutateFast = new Option<bool>("--fast") { Description = "skip the training pass: survivors of the fast checks are reported as such" };
var mutateFailUnder = new Option<int>("--fail-under") { Description = "exit 1 when the mutation score is below this percentage", DefaultValueFactory = _ => 0 };
var mutateUnsandboxed = new Option<bool>("--unsandboxed") { Description = "run the mutants without the sandbox (instructors' code only)" };
var mutate = new Command("mutate", "Measure the grader: grade automatic mutants of the reference and report which each rubric item kills.")
    { mutateAssignment, mutateOut, mutateProfile, mutateOnly, mutateLimit, mutateFast, mutateFailUnder, mutateUnsandboxed };
mutate.SetAction(r => Commands.Mutate(r.GetValue(mutateAssignment)!, r.GetValue(mutateOut)!, r.GetValue(mutateProfile)!, r.GetValue(mutateOnly),
    r.GetValue(mutateLimit), r.GetValue(mutateFast), r.GetValue(mutateFailUnder), new GradingOptions { Unsandboxed = r.GetValue(mutateUnsandboxed) }));

var allAssignment = new Option<string>("--assignment") { Description = "assignment id", Required = true };
var allSubmissions = new Option<string>("--submissions") { Description = "a folder with one folder or .zip per student (named after them), or Gradescope's submission export", Required = true };
var allOut = new Option<string>("--out") { Description = "where each student's results go, and gradebook.csv and class-summary.pdf", Required = true };
var allProfile = ProfileOption();
var allJobs = new Option<int?>("--jobs") { Description = "gradings at once (default and most: one per core, as memory allows)" };
var allShard = new Option<string?>("--shard") { Description = "INDEX/COUNT: grade only this machine's share of the class, e.g. $(JOB_COMPLETION_INDEX)/200 in a Kubernetes indexed Job" };
var allMemory = MemoryOption();
var gradeAll = new Command("grade-all", "Grade a whole class: per-student results, gradebook.csv and class-summary.pdf; a rerun grades only what changed.")
    { allAssignment, allSubmissions, allOut, allProfile, allJobs, allShard, allMemory };
gradeAll.SetAction(r => Commands.GradeAll(r.GetValue(allAssignment)!, r.GetValue(allSubmissions)!, r.GetValue(allOut)!, r.GetValue(allProfile)!, r.GetValue(allJobs),
    r.GetValue(allShard), GradingOptions.Default with { MemoryLimitMegabytes = r.GetValue(allMemory) }));

var releaseAssignment = new Option<string>("--assignment") { Description = "assignment id", Required = true };
var releaseOut = new Option<string>("--out") { Description = "the folder to write (replaced if it exists)", Required = true };
var release = new Command("release", "Write what students download: the starter projects, their public checks, the handout, the kit and its data; nothing hidden.")
    { releaseAssignment, releaseOut };
release.SetAction(r => Commands.Release(r.GetValue(releaseAssignment)!, r.GetValue(releaseOut)!));

var packageAssignment = new Option<string>("--assignment") { Description = "assignment id", Required = true };
var packageOut = new Option<string>("--out") { Description = "the zip to write, e.g. autograder.zip", Required = true };
var package = new Command("package", "Write Gradescope's autograder zip (setup.sh, run_autograder and the sources they build).") { packageAssignment, packageOut };
package.SetAction(r => Commands.Package(r.GetValue(packageAssignment)!, r.GetValue(packageOut)!));

var calibrateAssignment = new Option<string>("--assignment") { Description = "assignment id", Required = true };
var calibrateProfile = ProfileOption();
var calibrateSeeds = new Option<int>("--seeds") { Description = "train the reference at seeds 1..N (besides the profile's own)", DefaultValueFactory = _ => 5 };
var calibrateMargin = new Option<double>("--margin") { Description = "the bar is the worst seed's dev perplexity times this", DefaultValueFactory = _ => 1.10 };
var calibrate = new Command("calibrate", "Set a profile's dev-perplexity bar: train the reference at several seeds and write the worst times the margin, with the figures, into the manifest.")
    { calibrateAssignment, calibrateProfile, calibrateSeeds, calibrateMargin };
calibrate.SetAction(r => Commands.Calibrate(r.GetValue(calibrateAssignment)!, r.GetValue(calibrateProfile)!, r.GetValue(calibrateSeeds), r.GetValue(calibrateMargin)));

var list = new Command("list", "List the assignments and their rubrics.");
list.SetAction(_ => Commands.List());

var root = new RootCommand("GradingHost: grades C#/TorchSharp language-model assignments.") { grade, gradeAll, verify, examplesCommand, mutate, calibrate, release, package, list };
return root.Parse(args).Invoke();

// The course kit's profiles, named once (Course.Kit.TrainingProfile); whether an assignment may be graded with one is its manifest's say.
static Option<string> ProfileOption()
{
    var option = new Option<string>("--profile")
    {
        Description = "training profile: cpu (CI, minutes on 2 cores) or gpu (the homework's full configuration)",
        DefaultValueFactory = _ => Course.Kit.TrainingProfile.Cpu.Name,
    };
    option.AcceptOnlyFromAmong([.. Course.Kit.TrainingProfile.All.Select(p => p.Name)]);
    return option;
}

// A machine with little memory (a Gradescope or Kubernetes container) sets it below what the container has
// left after the host and checker, so that a student's runaway allocation meets the sandbox's limit, with its
// message, before the container's.
static Option<int> MemoryOption()
{
    var option = new Option<int>("--memory") { Description = "megabytes the student's code may use (its sandboxed worker)", DefaultValueFactory = _ => WorkerConnection.DefaultMemoryMegabytes };
    option.Validators.Add(r =>
    {
        if (r.GetValueOrDefault<int>() is < 512 or > 1 << 20)
            r.AddError($"--memory takes megabytes between 512 and {1 << 20} (got {r.GetValueOrDefault<int>()}).");
    });
    return option;
}
