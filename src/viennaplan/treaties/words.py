"""An instrument's rules and a State's standing in plain words, for pages and the API. Plain Python
(Django's translation functions only: each sentence is translated whole, in the reader's language)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from viennaplan.bidi import isolated
from viennaplan.dates import long_date, ordinal

from .engine import kind_label
from .records import InstrumentRules

STANDING_WORDS = {
    "party": gettext_lazy("Party"),
    "signatory": gettext_lazy("Signatory"),
    "none": gettext_lazy("No action"),
}


def _or_list(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("%(first)s or %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def rules_in_words(rules: InstrumentRules) -> list[str]:
    """The final clauses the engine applies, one sentence each, citing the article where known."""
    article = isolated(rules.articles).get
    values = {
        "adopted": long_date(rules.adopted),
        "by": rules.adopted_by,
        "threshold": ordinal(rules.threshold),
        "general_delay": ordinal(rules.general_delay_days),
        "later_delay": ordinal(rules.later_delay_days),
        "parent": rules.parent or "",
    }
    if rules.adopted_by:
        sentences = [_("Adopted on %(adopted)s by %(by)s.") % values]
    else:
        sentences = [_("Adopted on %(adopted)s.") % values]
    if rules.signature_windows:
        windows = "; ".join(
            (_("%(opens)s – %(closes)s in %(place)s") if w.place else _("%(opens)s – %(closes)s"))
            % {"opens": long_date(w.opens), "closes": long_date(w.closes), "place": w.place}
            for w in rules.signature_windows
        )
        sentences.append(
            _("Open for signature %(windows)s; after that, accession is the only way in.") % {"windows": windows}
        )
    kinds = _or_list([kind_label(kind) for kind in rules.consent_kinds])
    sentences.append(_("A State expresses its consent to be bound by %(kinds)s.") % {"kinds": kinds})
    cite = {"cite": _cite(article("general"))}
    if rules.parent:
        sentences.append(
            _(
                "It enters into force on the %(general_delay)s day after the deposit of the %(threshold)s instrument "
                "of consent, but not before %(parent)s is in force%(cite)s."
            )
            % {**values, **cite}
        )
    else:
        sentences.append(
            _(
                "It enters into force on the %(general_delay)s day after the deposit of the %(threshold)s instrument "
                "of consent%(cite)s."
            )
            % {**values, **cite}
        )
    if rules.organizations_may_join:
        if rules.counts_organizations:
            sentences.append(_("An instrument deposited by a regional economic integration organization is counted."))
        else:
            sentences.append(
                _(
                    "An instrument deposited by a regional economic integration organization is not counted as "
                    "additional to those of its member States."
                )
            )
    cite = {"cite": _cite(article("later"))}
    if rules.later_whichever_is_later:
        sentences.append(
            _(
                "For a State that deposits after the %(threshold)s instrument, it enters into force on the "
                "%(later_delay)s day after its deposit or on the date of its general entry into force, whichever "
                "is the later%(cite)s."
            )
            % {**values, **cite}
        )
    else:
        sentences.append(
            _(
                "For a State that deposits after the %(threshold)s instrument, it enters into force on the "
                "%(later_delay)s day after its deposit%(cite)s."
            )
            % {**values, **cite}
        )
    if rules.parent:
        sentences.append(
            _(
                "Only a party to %(parent)s can become a party, and it does not enter into force for a State "
                "before %(parent)s does%(cite)s."
            )
            % {**values, "cite": _cite(article("parent"))}
        )
    delay = _denunciation_delay(rules)
    if delay:
        given = {"delay": delay, "cite": _cite(article("denunciation"))}
        if rules.denunciation_cascades_to_children:
            sentences.append(
                _(
                    "A denunciation takes effect %(delay)s after the Secretary-General receives it; denouncing it "
                    "also denounces its Protocols%(cite)s."
                )
                % given
            )
        else:
            sentences.append(
                _("A denunciation takes effect %(delay)s after the Secretary-General receives it%(cite)s.") % given
            )
    else:
        sentences.append(_("It has no denunciation clause."))
    if rules.official_entry_into_force:
        sentences.append(
            _("Official date of entry into force: %(day)s.") % {"day": long_date(rules.official_entry_into_force)}
        )
    return sentences


def _denunciation_delay(rules: InstrumentRules) -> str:
    if rules.denunciation_delay_days is not None:
        days = rules.denunciation_delay_days
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    if rules.denunciation_delay_months is None:
        return ""
    months = rules.denunciation_delay_months
    return _("one year") if months == 12 else ngettext("%(n)s month", "%(n)s months", months) % {"n": months}


def _cite(article: str | None) -> str:
    return f" ({article})" if article else ""
