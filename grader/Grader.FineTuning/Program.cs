using GradingHost.Checks;

// Checks one submission, keeps serving gradings (--resident), or calibrates the reference (--calibrate): ResidentChecker.
return ResidentChecker.Main(args);
