"""The assembly: the composition root, the command line, settings and the jobs."""
