using GradingHost.Worker.Compiling;
using GradingHost.Worker.Serving;

// Grader.Worker serve <Submission.dll>                        answer the checker's calls on stdin/stdout
// Grader.Worker compile <sources> [--banned API]... [--unscreened]   write a CompileReport (JSON) to stdout
return args switch
{
    ["serve", var assembly] => await WorkerHost.ServeAsync(assembly),
    ["compile", var sources, .. var options] => CompileCommand.Run(sources, options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Grader.Worker serve <Submission.dll> | compile <sources> [--banned API]... [--unscreened]");
    return 2;
}
