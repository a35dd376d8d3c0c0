"""Fixtures of the corruption assessments' and versioned documents' tests."""

from __future__ import annotations

from datetime import date

import pytest
from assessments_sample import ASSESSMENTS


@pytest.fixture
def assessments_file() -> bytes:
    return ASSESSMENTS.encode("utf-8")


@pytest.fixture
def assessments(imported_plan, assessments_file):
    """The sample file imported: KEN's two surveys and CHE's customs study published, FRA's a draft."""
    from viennaplan.knowledge.assessments.csv_io import import_assessments

    return import_assessments(assessments_file, source_name="assessments.csv")


@pytest.fixture
def manual(imported_plan):
    """The manual on practical measures (published, serving 33/e) in three versions: 1.0 and 2.0
    published, 3.0 a draft of the published document."""
    from viennaplan.knowledge.assessments.models import Document, DocumentProvision, DocumentVersion

    document = Document.objects.create(
        key="practical-measures",
        kind="manual",
        title="Practical Measures against Corruption",
        area="IV",
        published=True,
    )
    DocumentProvision.objects.create(document=document, path="33/e")
    DocumentVersion.objects.create(
        document=document,
        label="1.0",
        date=date(1995, 7, 24),
        changes="First edition.",
        text="Chapter 1. Prevention\nCodes of conduct\nChapter 2. Detection",
        published=True,
    )
    DocumentVersion.objects.create(
        document=document,
        label="2.0",
        date=date(2003, 10, 31),
        changes="Revised after the Convention against Corruption.",
        text="Chapter 1. Prevention\nCodes of conduct for <public officials>\nChapter 2. Detection",
        published=True,
    )
    DocumentVersion.objects.create(
        document=document,
        label="3.0",
        date=date(2005, 1, 1),
        changes="Secret revision in progress.",
        text="Chapter 1. Prevention\nUnpublished chapter on asset declarations\nChapter 2. Detection",
        published=False,
    )
    return document
