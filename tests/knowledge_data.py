"""The knowledge databases' sample files (tests/knowledge/<collection>/*_sample.py), imported through
each collection's registered CSV import: what the page sweep and the API fuzz test need so that every
collection's pages and records have something to show. Loaded by path, so that a test outside
tests/knowledge can use them whatever pytest put on sys.path."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).parent / "knowledge"
SAMPLES = [  # (collection, sample module, its file's name)
    ("legislation", HERE / "legislation_sample.py", "LAWS"),
    ("patterns", HERE / "patterns" / "patterns_sample.py", "PATTERNS"),
    ("assessments", HERE / "assessments" / "assessments_sample.py", "ASSESSMENTS"),
    ("trafficking", HERE / "trafficking" / "trafficking_sample.py", "FLOWS"),
    ("firearms", HERE / "firearms" / "firearms_sample.py", "REGULATIONS"),
    ("authorities", HERE / "authorities" / "authorities_sample.py", "AUTHORITIES"),
    ("practices", HERE / "practices" / "practices_sample.py", "PRACTICES"),
]


def sample_text(path: Path, name: str) -> str:
    spec = importlib.util.spec_from_file_location(f"knowledge_sample_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


def import_samples() -> None:
    """Every sample file into its collection (the plan must be imported first: provisions are checked)."""
    from viennaplan.knowledge.collections import collection

    for key, path, name in SAMPLES:
        collection(key).import_csv(sample_text(path, name).encode("utf-8"), source_name=path.name)
