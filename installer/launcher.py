"""Entry point of the frozen bundle: the same `cga-desk` command as the installed console script."""

import sys

from cga_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
