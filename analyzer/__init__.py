"""ecocheck: checks Chinese government documents against Hubei's eco-protection policy.

The public API: :func:`read_document` turns a file into a :class:`Document`
(source, pages, paragraphs, meta); later stages add article coverage, lead
bodies, checks and flags to the same object.
"""

from .config import Settings
from .datamodel import Document, Line, Meta, Page, Paragraph, Source
from .errors import AnalyzerError, DocumentLoadError
from .pipeline import read_document

__version__ = "0.1.0"

__all__ = [
    "AnalyzerError",
    "Document",
    "DocumentLoadError",
    "Line",
    "Meta",
    "Page",
    "Paragraph",
    "Settings",
    "Source",
    "__version__",
    "read_document",
]
