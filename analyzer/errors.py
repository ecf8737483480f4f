"""The exception tree.

Errors are data for a batch and exceptions for a programmer: a bad input file
raises :class:`DocumentLoadError` (carrying a stable ``code`` and a Chinese
message the user can act on), which the pipeline turns into an error record so
the batch goes on. Anything else is a defect and propagates.
"""

from __future__ import annotations


class AnalyzerError(Exception):
    """Root of every error raised on purpose by ecocheck."""


class DocumentLoadError(AnalyzerError):
    """A file could not be read as a document; ``message`` is for the user.

    Codes are stable identifiers used in records and tests:
    FILE_NOT_FOUND, NOT_A_FILE, EMPTY_FILE, TOO_LARGE, UNSUPPORTED_FORMAT,
    FORMAT_MISMATCH, CORRUPT_FILE, ENCRYPTED, CONVERTER_MISSING,
    CONVERSION_FAILED, NO_TEXT, UNSAFE_PATH.
    """

    def __init__(self, code: str, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        #: The file's Source (hash, format) when it was known before the failure.
        self.source = None

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"{self.path}: {self.message}" if self.path else self.message


class ConfigError(AnalyzerError, ValueError):
    """A setting has an invalid value; the message names it and the valid options."""
