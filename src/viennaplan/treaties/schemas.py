"""Shapes of the treaties JSON API (treaties/api.py). Field names are the API's contract; the
status shape is exactly that of `viennaplan treaties show CODE --format json`."""

from __future__ import annotations

from datetime import date
from typing import Literal

from ninja import Field, Schema

from viennaplan.api_shapes import AsOfFilter, IsoDate

API_ROOT = "/api/treaties"
Standing = Literal["party", "signatory", "none"]


class StateFilters(AsOfFilter):
    region: str | None = Field(None, max_length=80, description="region or sub-region, e.g. Europe")
    group: str | None = Field(None, max_length=40, description="UN regional group, e.g. WEOG")
    status: Standing | None = Field(None, description="party, signatory (not yet a party) or none")


class TriggerOut(Schema):
    state: str
    date: date


class ConsentOut(Schema):
    kind: str
    date: date


class StateStatusOut(Schema):
    state: str
    name: str
    signature: date | None
    consent: ConsentOut | None
    in_force: date | None
    explanation: str
    denounced: date | None
    party: bool


class ListedOut(Schema):
    """As of which depositary list a status is (the same three fields wherever status shows)."""

    listed_on: date | None = Field(
        ..., description="date of the latest complete depositary list on file for the instrument; null if none"
    )
    list_source: str = Field(..., description="where that list was read")
    warning: str | None = Field(
        ..., description="set when the as-of date is after the list: later actions are missing or incomplete"
    )


class TreatyStatusOut(ListedOut):
    instrument: str
    as_of: date | None
    entry_into_force: date | None
    triggered_by: TriggerOut | None
    signatories: int
    parties: int
    states: list[StateStatusOut]
    notes: list[str]


class StatusSummaryOut(ListedOut):
    as_of: date
    entry_into_force: date | None
    triggered_by: TriggerOut | None
    signatories: int
    parties: int
    notes: list[str]


class SignatureWindowOut(Schema):
    opens: date
    closes: date
    place: str


class InstrumentOut(Schema):
    code: str
    name: str
    short_name: str
    adopted: date
    adopted_by: str
    parent: str | None
    threshold: int
    official_entry_into_force: date | None
    status: StatusSummaryOut
    url: str
    api_url: str


class InstrumentDetailOut(InstrumentOut):
    rules: list[str]  # the final clauses in plain words
    interpretations: list[str]
    articles: dict[str, str]
    signature_windows: list[SignatureWindowOut]
    consent_kinds: list[str]
    general_delay_days: int
    later_delay_days: int
    later_whichever_is_later: bool
    counts_organizations: bool
    denunciation_delay_months: int | None
    denunciation_cascades_to_children: bool
    source: str
    has_data: bool


class StateRowOut(StateStatusOut):
    region: str
    subregion: str
    groups: list[str]
    status: Standing


class StateListOut(ListedOut):
    instrument: str
    as_of: date
    count: int
    states: list[StateRowOut]


class PanelLineOut(ListedOut):
    instrument: str
    short_name: str
    status: Standing
    signature: date | None
    consent: ConsentOut | None
    in_force: date | None
    denounced: date | None
    explanation: str
    entry_into_force: date | None
    url: str


class StatePanelOut(Schema):
    state: str
    name: str
    region: str
    subregion: str
    groups: list[str]
    as_of: date
    has_data: bool
    instruments: list[PanelLineOut]


class ActionIn(Schema):
    state: str = Field(..., min_length=2, max_length=80, description="alpha-3 code or UN name")
    instrument: str = Field(..., max_length=20)
    action: str = Field(..., description="signature, ratification, acceptance, approval, accession, succession, "
                        "formal confirmation or denunciation")  # fmt: skip
    date: IsoDate
    source: str = Field("", max_length=300)
    note: str = Field("", max_length=2000)


class ActionOut(Schema):
    id: int
    state: str
    instrument: str
    action: str
    date: date
    source: str
    note: str
    notes: list[str]  # the validation's remarks, e.g. a consent with no signature on file
