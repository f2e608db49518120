"""Entry point: ``python run.py`` sets up and serves the workbench; ``python run.py --help`` lists the commands."""
from workbench.cli.main import main

if __name__ == "__main__":
    main()
