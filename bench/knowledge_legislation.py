"""SYNTHETIC national legislation for the benchmarks (issue 12): `csv_rows(count)` gives a CSV file in the
import's layout (knowledge/legislation.py) with `count` laws spread over every State, each implementing
one to three articles of the Convention, its Protocols or the Corruption Convention and serving one or
two provisions of the plan. Titles are made of real legal words so that searches have work to do.

    .venv/bin/python bench/knowledge_legislation.py [--rows 50000]   (times the import alone)
"""

from __future__ import annotations

import csv
import io
import random

SUBJECTS = [
    "firearms",
    "ammunition",
    "money-laundering",
    "corruption",
    "trafficking in persons",
    "smuggling of migrants",
    "organized crime",
    "witness protection",
    "mutual legal assistance",
    "extradition",
    "confiscation",
    "cybercrime",
    "terrorism financing",
    "public procurement",
    "asset recovery",
    "juvenile justice",
    "prisons",
    "victims of crime",
    "marking of weapons",
    "border control",
]
KINDS = ["act", "act", "act", "decree", "regulation", "constitution", "other"]
ARTICLES = [
    ("UNTOC", ["5", "6", "7", "8", "10", "12", "13", "16", "18", "20", "24", "25", "26", "31"]),
    ("TIP", ["5", "6", "7", "9", "10", "11", "12", "13"]),
    ("SOM", ["6", "8", "10", "11", "12", "18"]),
    ("FIREARMS", ["3", "5", "6", "7", "8", "9", "10", "11", "13"]),
    ("UNCAC", ["5", "6", "15", "16", "17", "23", "32", "43", "46", "51"]),
]
PROVISIONS = ["18/e", "57/a", "57/b", "57/c", "57/d", "57/e", "57/f", "57/g", "57/h", "27/a", "44/a", "65/a"]


def states() -> list[str]:
    from viennaplan.countries import registry

    return sorted(info.alpha3 for info in registry.states())


def csv_rows(count: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    codes = states()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "state",
            "key",
            "title_original",
            "title_en",
            "kind",
            "language",
            "adopted",
            "in_force",
            "status",
            "amended_by",
            "repealed_by",
            "official_url",
            "articles",
            "provisions",
            "published",
            "text",
        ]
    )
    for number in range(count):
        state = codes[number % len(codes)]
        subject, other = rng.sample(SUBJECTS, 2)
        year = rng.randint(1960, 2025)
        adopted = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        cited = []
        for _ in range(rng.randint(1, 3)):
            code, articles = rng.choice(ARTICLES)
            cited.append(f"{code} art. {rng.choice(articles)}")
        writer.writerow(
            [
                state,
                f"L-{number:06d}",
                f"Loi {number} sur {subject}",
                f"Act {number} on {subject} and {other}",
                rng.choice(KINDS),
                rng.choice(["en", "fr", "es", "ar", "ru", "zh", "de"]),
                adopted,
                "",
                "in_force",
                "",
                "",
                "",
                "; ".join(dict.fromkeys(cited)),
                "; ".join(rng.sample(PROVISIONS, rng.randint(1, 2))),
                "yes" if rng.random() < 0.9 else "no",
                f"SYNTHETIC benchmark text: the law regulates {subject}, {other} and related offences.",
            ]
        )
    return out.getvalue().encode("utf-8")
