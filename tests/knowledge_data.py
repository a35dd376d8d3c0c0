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


DOCUMENTS = (
    "key,kind,title,area,provisions,published,version,date,changes,official_url,version_published,text\n"
    "practical-measures,manual,Manual on practical measures against corruption,IV,33/e,yes,1.0,2002-01-01,"
    "First edition.,,yes,The manual's first edition (SYNTHETIC text).\n"
)


def import_samples() -> None:
    """Every sample file into its collection (the plan must be imported first: provisions are checked),
    a document with one version, and a published national firearms report of Switzerland for 2003."""
    from viennaplan.knowledge.collections import collection
    from viennaplan.knowledge.firearms.models import FirearmsReport

    for key, path, name in SAMPLES:
        if collection(key) is not None:
            collection(key).import_csv(sample_text(path, name).encode("utf-8"), source_name=path.name)
    collection("documents").import_csv(DOCUMENTS.encode("utf-8"), source_name="documents.csv")
    FirearmsReport.objects.create(  # put in its status directly, as the firearms tests do
        state_id="CHE", year=2003, status="published", offences=12, tracing_methods="Serial numbers."
    )
