"""``python -m kehoach_core.samples [DIR]``: copy the sample plans into DIR (default: .)."""

from __future__ import annotations

import sys

from . import copy_to

if __name__ == "__main__":
    for written in copy_to(sys.argv[1] if len(sys.argv) > 1 else "."):
        print(written)
