"""Read a plan (text, docx or JSON) and print its outline.

    python examples/inspect_plan.py [PLAN]

Without an argument it reads the sample commune plan shipped with the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

import kehoach_core as kh

SAMPLE = Path(kh.__file__).parent / "samples" / "subordinate.txt"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SAMPLE
    try:
        plan = kh.read(path)
    except kh.KehoachError as exc:
        print(f"cannot read: {exc}", file=sys.stderr)
        return 2
    print(f"{plan.issuer} — {plan.number} — {plan.issued_on}")
    print(plan.title)
    for basis in plan.bases:
        print(f"  cites {basis.kind} {basis.number} ({basis.issued_on})")
    for phase in plan.all_phases():
        print(f"  [{phase.id}] {phase.label} {phase.heading} ({len(phase.content)} items)")
    for assignment in plan.all_assignments():
        print(f"  [{assignment.id}] {', '.join(assignment.bodies)}: {assignment.role.value}")
    if plan.unparsed:
        print(f"  {len(plan.unparsed)} fragments not understood (kept in plan.unparsed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
