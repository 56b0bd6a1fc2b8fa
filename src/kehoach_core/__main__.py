"""``python -m kehoach_core``: the same as the ``kehoach`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
