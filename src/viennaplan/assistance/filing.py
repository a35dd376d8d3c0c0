"""Filing a request for technical assistance: directly, or from a national report's answer.

    file_request(user, "CHE", chapter="VI", need="…", kind="training", provisions=["57/f"])
    request_from_answer(user, answer)     one request per answer: asking again returns the same one

A focal point files for its own State only, the secretariat for any (`assistance.request`,
accounts.permissions). Everything the request says is checked before anything is written: a
`django.core.exceptions.ValidationError` maps each field to its problems. The request starts
received, with its key generated (TA-CHE-2003-001: State, year, number within them).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from viennaplan.accounts.permissions import require, state_of_object
from viennaplan.countries.models import Country
from viennaplan.plan.models import Chapter, PlanVersion, Provision
from viennaplan.reporting.models import Answer
from viennaplan.treaties.models import Instrument

from . import rules
from .models import AssistanceRequest, RequestArticle, RequestProvision

KEY_ATTEMPTS = 5


def file_request(
    user: Any,
    state: Any,
    *,
    chapter: str,
    need: str,
    kind: str,
    urgency: str = rules.MEDIUM,
    provisions: Iterable[str] = (),
    articles: Iterable[tuple[str, str]] = (),
    requesting_authority: str = "",
    estimated_cost: Decimal | None = None,
    currency: str = "",
    shareable: bool = False,
    answer: Answer | None = None,
) -> AssistanceRequest:
    """A new request of `state` (a Country, or its alpha-3 code), received; see the module."""
    code = state_of_object(state) or ""
    require(user, "assistance.request", code)
    country = Country.objects.filter(alpha3=code).first()
    if country is None:
        raise ValidationError({"state": [_("%(value)s is not the alpha-3 code of a State") % {"value": repr(code)}]})
    paths = sorted({path.strip().strip("/") for path in provisions if path.strip().strip("/")})
    pairs = sorted({(instrument.strip(), article.strip()) for instrument, article in articles})
    request = AssistanceRequest(
        key="TA-PENDING",
        state=country,
        chapter=chapter.strip().upper(),
        need=need.strip(),
        kind=kind,
        urgency=urgency,
        requesting_authority=requesting_authority.strip(),
        estimated_cost=estimated_cost,
        currency=currency.strip().upper(),
        shareable=shareable,
        answer=answer,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    errors = _problems(request, paths, pairs)
    if errors:
        raise ValidationError(errors)
    request._history_user = request.created_by  # type: ignore[attr-defined]
    request._change_reason = "filed"  # type: ignore[attr-defined]
    for attempt in range(KEY_ATTEMPTS):
        request.key = next_key(code, request.created_at.year)
        try:
            with transaction.atomic():
                request.save()
                for path in paths:
                    RequestProvision.objects.create(request=request, path=path)
                for instrument, article in pairs:
                    RequestArticle.objects.create(request=request, instrument_id=instrument, article=article)
            return request
        except IntegrityError:  # someone took the key meanwhile (or the answer: see request_from_answer)
            request.pk = None
            if attempt == KEY_ATTEMPTS - 1 or (answer is not None and _filed_for(answer)):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def next_key(state: str, year: int) -> str:
    prefix = rules.request_key(state, year, 0)[:-3]
    taken = list(AssistanceRequest.objects.filter(key__startswith=prefix).values_list("key", flat=True))
    return rules.request_key(state, year, rules.next_number(taken))


def _problems(request: AssistanceRequest, paths: list[str], pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        request.full_clean(exclude=["key", "answer", "created_by"])
    except ValidationError as error:
        errors.update({name: [str(m) for m in messages] for name, messages in error.message_dict.items()})
    current = PlanVersion.current()
    if current is not None and "chapter" not in errors:
        if not Chapter.objects.filter(version=current, number=request.chapter).exists():
            errors["chapter"] = [_("%(value)s is not a chapter of the plan") % {"value": repr(request.chapter)}]
    wrong_paths = [path for path in paths if not rules.PATH.fullmatch(path)]
    if current is not None:
        known = set(Provision.objects.filter(version=current, path__in=paths).values_list("path", flat=True))
        wrong_paths += [path for path in paths if rules.PATH.fullmatch(path) and path not in known]
    if wrong_paths:
        errors["provisions"] = [
            _("%(value)s is not a provision of the plan (such as 57/f)") % {"value": repr(path)} for path in wrong_paths
        ]
    known_instruments = set(Instrument.objects.values_list("code", flat=True))
    wrong_articles = [
        _("%(instrument)s is not an instrument (known: %(codes)s)")
        % {"instrument": repr(instrument), "codes": ", ".join(sorted(known_instruments))}
        for instrument, _article in pairs
        if instrument not in known_instruments
    ] + [
        _("%(value)s is not an article number such as 5, 5(1) or 5(1)(a)") % {"value": repr(article)}
        for _instrument, article in pairs
        if not rules.ARTICLE.fullmatch(article)
    ]
    if wrong_articles:
        errors["articles"] = wrong_articles
    return errors


def _filed_for(answer: Answer) -> AssistanceRequest | None:
    return AssistanceRequest.objects.filter(answer=answer).first()


def request_from_answer(user: Any, answer: Answer) -> AssistanceRequest:
    """The request filed from `answer` (a national report's answer that says assistance is needed).

    One request per answer: if one was filed already, it is returned unchanged. The request takes the
    report's State, the question's chapter and provision, and the answer's description of the need.
    Raises PermissionDenied (not the State's focal point nor the secretariat) or ValidationError (the
    answer does not say assistance is needed, or does not describe the need).
    """
    report = answer.report
    require(user, "assistance.request", report.state_id)
    existing = _filed_for(answer)
    if existing is not None:
        return existing
    need = answer.assistance_description.strip()
    if not answer.assistance_needed or not need:
        raise ValidationError(
            {
                "answer": [
                    _(
                        "This answer does not ask for assistance: tick that assistance is needed and describe "
                        "what help is asked for, then file the request."
                    )
                ]
            }
        )
    question = answer.question
    try:
        return file_request(
            user,
            report.state_id,
            chapter=question.chapter,
            need=need,
            kind=rules.OTHER,
            provisions=[question.path],
            requesting_authority=answer.responsible_institution,
            answer=answer,
        )
    except IntegrityError:
        filed = _filed_for(answer)
        if filed is None:
            raise
        return filed
