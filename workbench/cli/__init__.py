"""The command line: ``python run.py CMD``; one module per group of commands, each with help text."""
