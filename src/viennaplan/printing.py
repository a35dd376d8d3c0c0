"""Printable documents for every app: HTML made a PDF (WeasyPrint), the fonts it needs, and whether the
installed fonts cover the six official languages. Project-wide: it imports no app (monitoring's report to
the Commission and State profiles, reporting's printable report all use it).

- `html_to_pdf(html, base_url)`: the PDF of that HTML (print media, CSS @page), its charts and maps
  handed to WeasyPrint as images of the same SVG (`for_print`); nothing is fetched: only data: URLs
  are read, any other resource is refused (no network).
- `font_warning()`: None when fontconfig finds a font for each of Arabic, Chinese, English, French,
  Russian and Spanish; otherwise a sentence naming the languages whose text would show as empty
  boxes and the Debian packages to install (`FONT_PACKAGES`). It never raises: without fontconfig
  the warning says the fonts could not be checked. The PDF is made either way.
- `pdf_response(pdf, filename)`: the PDF as an inline download, with the font warning (if any) in a header.
- `rendered_text(html)`: the text WeasyPrint lays out, page by page (for tests and checks).
- `in_active_language(html)`: `html` whose <html> element names the active language and its direction
  (`lang="ar" dir="rtl"`): a document is rendered in the active language (`?lang=`, the command's
  `--lang`), whatever its template says; `html_to_pdf` and `rendered_text` apply it, so an Arabic PDF
  reaches WeasyPrint right to left, and the print CSS's page headers and footers swap sides.

The documents' font stack (`FONT_STACK`, in the print CSS `templates/printing/print_style.html`) prefers
Noto (fonts-noto-core for Arabic, Cyrillic and Latin, fonts-noto-cjk for Chinese) and falls back to DejaVu.
"""

from __future__ import annotations

import base64
import logging
import re
import shutil
import subprocess
from collections.abc import Callable
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {
    "ar": "Arabic",
    "zh-cn": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}
FONT_PACKAGES = "fonts-noto-core fonts-noto-cjk fonts-dejavu-core"
FONT_STACK = '"Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", "DejaVu Sans", sans-serif'


HTML_START = re.compile(r"<html\b[^>]*>", re.I)
LANG_OR_DIR = re.compile(r"""\s(?:lang|dir)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)""", re.I)


def in_active_language(html: str) -> str:
    """`html` with its first <html> tag saying the active language and its direction (any `lang` and
    `dir` it had replaced): `<html lang="ar" dir="rtl">`. A text without an <html> tag is returned as it is."""
    from django.utils.translation import get_language, get_language_bidi

    match = HTML_START.search(html)
    if match is None:
        return html
    tag = LANG_OR_DIR.sub("", match[0][5:-1]).rstrip().rstrip("/")
    language = get_language() or "en"
    direction = "rtl" if get_language_bidi() else "ltr"
    return f'{html[: match.start()]}<html lang="{language}" dir="{direction}"{tag}>{html[match.end() :]}'


@lru_cache(maxsize=16)
def fonts_for(language: str) -> tuple[str, ...] | None:
    """The font families fontconfig has for `language` (fc-list :lang=xx); None without fc-list."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603  (a fixed program and arguments)
            [program, f":lang={language}", "family"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return tuple(sorted({line.split(",")[0].strip() for line in done.stdout.splitlines() if line.strip()}))


def missing_languages(lister: Callable[[str], tuple[str, ...] | None] = fonts_for) -> list[str] | None:
    """The official languages no installed font covers; None when the fonts cannot be checked."""
    missing = []
    for code, name in LANGUAGES.items():
        found = lister(code)
        if found is None:
            return None
        if not found:
            missing.append(name)
    return missing


def font_warning(lister: Callable[[str], tuple[str, ...] | None] = fonts_for) -> str | None:
    missing = missing_languages(lister)
    if missing is None:
        return (
            "The installed fonts could not be checked (fontconfig's fc-list is not available); text in some "
            f"official languages may show as empty boxes in the PDF. Install: {FONT_PACKAGES}."
        )
    if not missing:
        return None
    return (
        f"No installed font covers {', '.join(missing)}: such text shows as empty boxes in the PDF. "
        f"Install the Debian packages {FONT_PACKAGES} (apt-get install -y {FONT_PACKAGES})."
    )


def _no_network() -> Any:
    """WeasyPrint's fetcher allowed `data:` URLs only: a document fetches nothing from the network
    or the disk (any other URL is refused and WeasyPrint logs it; the PDF is still made)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, fail_on_errors=False)


class _SvgProperties(logging.Filter):
    """WeasyPrint's CSS parser names every SVG presentation property (fill, stroke, text-anchor) of
    inline SVG as unknown, though its SVG renderer draws them: those lines are dropped, others kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Ignored `") and message.endswith("unknown property."))


logging.getLogger("weasyprint").addFilter(_SvgProperties())


STANDALONE_SVG = re.compile(r'<svg\b(?=[^>]*\sxmlns="http://www\.w3\.org/2000/svg")[^>]*>.*?</svg>', re.S)
LABEL = re.compile(r'\baria-label="([^"]*)"')


def _as_image(match: re.Match[str]) -> str:
    svg = match[0]
    label = LABEL.search(svg[: svg.index(">")])
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = label[1] if label else ""  # already escaped in the attribute it comes from
    return f'<img class="svg-figure" style="width: 100%" alt="{alt}" src="data:image/svg+xml;base64,{data}">'


def for_print(html: str) -> str:
    """`html` with each standalone SVG (a chart or a map: its own `xmlns` and styles) handed over as
    an image of the same SVG bytes. WeasyPrint computes the page's CSS for every element of inline
    SVG: a report with 50 charts and 5 maps spent 6 s of 40 on it. Small SVGs styled by the page
    (the share bars, no `xmlns`) stay inline."""
    return STANDALONE_SVG.sub(_as_image, html)


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of `html` in the active language (`in_active_language`: its lang and direction; its
    charts and maps as images: `for_print`); a font warning, if any, is logged (never raised)."""
    from weasyprint import HTML

    warning = font_warning()
    if warning:
        logger.warning(warning)
    document = for_print(in_active_language(html))
    return HTML(string=document, base_url=base_url, url_fetcher=_no_network()).write_pdf()


def rendered_text(html: str) -> str:
    """The text WeasyPrint lays out on the PDF's pages: each line's pieces joined, lines by spaces,
    pages by form feeds (for tests and checks)."""
    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import LineBox

    document = HTML(string=for_print(in_active_language(html)), url_fetcher=_no_network()).render()

    def pieces(box: Any) -> list[str]:
        text = getattr(box, "text", None)
        found = [text] if isinstance(text, str) else []
        for child in getattr(box, "children", ()) or ():
            found += pieces(child)
        return found

    def lines(box: Any) -> list[str]:
        if isinstance(box, LineBox):
            return ["".join(pieces(box))]
        found: list[str] = []
        for child in getattr(box, "children", ()) or ():
            found += lines(child)
        return found

    return "\f".join(" ".join(lines(page._page_box)) for page in document.pages)


def pdf_response(pdf: bytes, filename: str) -> Any:
    """`pdf` as an inline HTTP response named `filename`; the font warning, if any, in
    X-Viennaplan-Font-Warning (ASCII)."""
    from django.http import HttpResponse

    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    warning = font_warning()
    if warning:
        response["X-Viennaplan-Font-Warning"] = warning.encode("ascii", "replace").decode()
    return response


def css_string(text: str) -> Any:
    """`text` as a quoted CSS string, safe inside a <style> element (for @page margin boxes): quotes,
    backslashes, control characters and < > & as CSS escapes (a State named "Côte d'Ivoire" prints as
    it is; no `</style>` can end the element). Marked safe for templates: it is escaped here."""
    from django.utils.safestring import mark_safe

    def escaped(char: str) -> str:
        return f"\\{ord(char):x} " if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F else char

    return mark_safe('"' + "".join(escaped(c) for c in text) + '"')  # noqa: S308  (escaped above)
