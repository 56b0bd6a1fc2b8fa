"""``kehoach schema [-o FILE]``: print the JSON Schema of the kehoach/1 format."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the kehoach/1 format",
        description="Print the JSON Schema (draft 2020-12) of kehoach/1 payloads.",
    )
    parser.add_argument("-o", "--output", help="write the schema here (atomically)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._jsonschema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
