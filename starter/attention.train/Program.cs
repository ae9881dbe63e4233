using Homework.Attention;

return Course.Training.LocalTraining.Run(args, config => new TinyLanguageModel(config), heads: 1);
