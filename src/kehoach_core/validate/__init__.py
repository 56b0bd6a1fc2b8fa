"""Validation of plans: coded rules, findings, reports in text, JSON and SARIF.

>>> from kehoach_core import Plan, ContentItem
>>> from kehoach_core.validate import validate
>>> plan = Plan(title="Kế hoạch", purposes=[ContentItem(id="purposes/1", text="của của")])
>>> [f.code for f in validate(plan, select=["KH402"])]
['KH402']
>>> validate(plan, select=["KH402"], lang="en").findings[0].message
'The word “của của” is doubled'
"""

from __future__ import annotations

from ._apply import FixResult, fix_plan
from ._config import ConfigError, Settings, load_settings
from ._docx_report import to_docx
from ._engine import RULES, Finding, Report, Rule, Severity, rules, validate
from ._fixes import Fix, FixEdit
from ._output import to_json, to_sarif, to_text

__all__ = [
    "RULES",
    "ConfigError",
    "Finding",
    "Fix",
    "FixEdit",
    "FixResult",
    "Report",
    "Rule",
    "Settings",
    "Severity",
    "fix_plan",
    "load_settings",
    "rules",
    "to_docx",
    "to_json",
    "to_sarif",
    "to_text",
    "validate",
]
