"""Monitoring's name for the printing helpers, which moved to the project-wide `viennaplan.printing`
(so that reporting's printable report uses the same PDF, fonts and fetcher without importing monitoring).
"""

from __future__ import annotations

from viennaplan.printing import (
    FONT_PACKAGES,
    FONT_STACK,
    LANGUAGES,
    STANDALONE_SVG,
    font_warning,
    fonts_for,
    for_print,
    html_to_pdf,
    missing_languages,
    pdf_response,
    rendered_text,
)

__all__ = [
    "FONT_PACKAGES",
    "FONT_STACK",
    "LANGUAGES",
    "STANDALONE_SVG",
    "font_warning",
    "fonts_for",
    "for_print",
    "html_to_pdf",
    "missing_languages",
    "pdf_response",
    "rendered_text",
]
