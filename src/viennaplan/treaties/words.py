"""An instrument's rules and a State's standing in plain words, for pages and the API. Plain Python."""

from __future__ import annotations

from viennaplan.dates import long_date, ordinal

from .records import InstrumentRules

STANDING_WORDS = {"party": "Party", "signatory": "Signatory", "none": "No action"}


def _or_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def rules_in_words(rules: InstrumentRules) -> list[str]:
    """The final clauses the engine applies, one sentence each, citing the article where known."""
    article = rules.articles.get
    sentences = [f"Adopted on {long_date(rules.adopted)}" + (f" by {rules.adopted_by}." if rules.adopted_by else ".")]
    if rules.signature_windows:
        windows = "; ".join(
            f"{long_date(w.opens)} – {long_date(w.closes)}" + (f" in {w.place}" if w.place else "")
            for w in rules.signature_windows
        )
        sentences.append(f"Open for signature {windows}; after that, accession is the only way in.")
    kinds = _or_list([kind.replace("_", " ") for kind in rules.consent_kinds])
    sentences.append(f"A State expresses its consent to be bound by {kinds}.")
    general = (
        f"It enters into force on the {ordinal(rules.general_delay_days)} day after the deposit of the "
        f"{ordinal(rules.threshold)} instrument of consent"
    )
    if rules.parent:
        general += f", but not before {rules.parent} is in force"
    sentences.append(general + _cite(article("general")) + ".")
    if rules.organizations_may_join:
        counted = "is counted"
        if not rules.counts_organizations:
            counted = "is not counted as additional to those of its member States"
        sentences.append(f"An instrument deposited by a regional economic integration organization {counted}.")
    later = (
        f"For a State that deposits after the {ordinal(rules.threshold)} instrument, it enters into force on the "
        f"{ordinal(rules.later_delay_days)} day after its deposit"
    )
    if rules.later_whichever_is_later:
        later += " or on the date of its general entry into force, whichever is the later"
    sentences.append(later + _cite(article("later")) + ".")
    if rules.parent:
        sentences.append(
            f"Only a party to {rules.parent} can become a party, and it does not enter into force for a State "
            f"before {rules.parent} does" + _cite(article("parent")) + "."
        )
    delay = _denunciation_delay(rules)
    if delay:
        denunciation = f"A denunciation takes effect {delay} after the Secretary-General receives it"
        if rules.denunciation_cascades_to_children:
            denunciation += "; denouncing it also denounces its Protocols"
        sentences.append(denunciation + _cite(article("denunciation")) + ".")
    else:
        sentences.append("It has no denunciation clause.")
    if rules.official_entry_into_force:
        sentences.append(f"Official date of entry into force: {long_date(rules.official_entry_into_force)}.")
    return sentences


def _denunciation_delay(rules: InstrumentRules) -> str:
    if rules.denunciation_delay_days is not None:
        return f"{rules.denunciation_delay_days} days"
    if rules.denunciation_delay_months is None:
        return ""
    months = rules.denunciation_delay_months
    return "one year" if months == 12 else f"{months} months"


def _cite(article: str | None) -> str:
    return f" ({article})" if article else ""
