using NsclWorkflows.LoadTest;

return await LoadTestRunner.MainAsync(args, Console.Out, CancellationToken.None);
