"""The exceptions of kehoach_core.

Every error the library raises on purpose derives from one root, so a caller
can catch all of ours with a single ``except KehoachError``::

    KehoachError
    ├── InputError(ValueError)         input that cannot be used
    │   ├── PayloadError               JSON that is not a valid ``kehoach/1`` payload
    │   ├── DocxError                  not a docx, truncated, encrypted, too large, hostile XML
    │   ├── EncodingError              text in an encoding we cannot read
    │   ├── DocumentNumberError        a document number that does not parse
    │   ├── PdfError                   a damaged, encrypted, image-only (scanned) or hostile PDF
    │   └── MissingExtraError          an optional extra needed for this input is not installed
    ├── ScheduleError(ValueError)      a milestone schedule that is malformed or incomplete
    └── OutputError(OSError)           a result that cannot be written

Each error carries structured fields (``source``, ``line``, ``path``,
``excerpt``) and builds its message from them:

>>> str(PayloadError("expected a string", source="plan.json", path="$.phases[0].id"))
'plan.json: $.phases[0].id: expected a string'
>>> isinstance(PayloadError("x"), ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "DocumentNumberError",
    "DocxError",
    "EncodingError",
    "InputError",
    "KehoachError",
    "MissingExtraError",
    "OutputError",
    "PayloadError",
    "PdfError",
    "ScheduleError",
]


class KehoachError(Exception):
    """Root of every error raised by kehoach_core.

    ``source`` names the file (or ``<text>``, ``<bytes>``) the error is about,
    ``line`` the 1-based line or paragraph, ``path`` a JSON path such as
    ``$.phases[1].window``, and ``excerpt`` a short quote of the offending input.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        path: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.path = path
        self.excerpt = excerpt

    def __str__(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source if self.line is None else f"{self.source}:{self.line}")
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.path is not None:
            where.append(self.path)
        text = ": ".join([*where, self.message])
        if self.excerpt:
            excerpt = self.excerpt if len(self.excerpt) <= 80 else self.excerpt[:77] + "..."
            text += f" ({excerpt!r})"
        return text


class InputError(KehoachError, ValueError):
    """Input that cannot be used: unreadable, malformed or hostile."""


class PayloadError(InputError):
    """A JSON payload that is not a valid ``kehoach/1`` document; ``path`` names the bad value."""


class DocxError(InputError):
    """A file that is not a usable docx (not a zip, truncated, encrypted, too large, unsafe XML)."""


class PdfError(InputError):
    """A file that is not a usable PDF: damaged, encrypted, image-only (a scan), or too large."""


class EncodingError(InputError):
    """Text in an encoding the reader cannot decode or convert."""


class DocumentNumberError(InputError):
    """A document number that matches neither the Party nor the State form."""


class MissingExtraError(InputError):
    """Input that needs an optional extra which is not installed (``message`` says which).

    >>> str(MissingExtraError("needs the 'pdf' extra", source="plan.pdf"))
    "plan.pdf: needs the 'pdf' extra"
    """


class ScheduleError(KehoachError, ValueError):
    """A milestone schedule that is malformed, or that leaves milestones unresolved."""


class OutputError(KehoachError, OSError):
    """A result that cannot be written to its destination."""
