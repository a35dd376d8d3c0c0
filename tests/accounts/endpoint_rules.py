"""The permission table of every endpoint (issue 14): for each page route (by its URL name) and each
operation of the JSON API (method and OpenAPI path), the sample URL that reaches it in the world of
`test_every_endpoint.py`, and the status code each persona gets.

Persona columns, in this order (the world's people):

    S  the secretariat
    F  the focal point of France, whose report in the sample cycle is an unpublished DRAFT
    G  the focal point of Switzerland, whose report is published (another State: France's draft is
       none of its business)
    R  a reviewer
    C  a civil-society contributor
    A  the public, not signed in

A page route has a GET row and a POST row. An API operation has one row, for its own method.
The codes say what the persona may do, and nothing more:

    200, 201  served (a page or JSON)              302  redirect: for A, to sign in; else after a form
    400, 422  allowed in, but the empty or         401  the API asks for a session
              sample input is refused              403  signed in, not allowed (or a POST without right)
    404  not there as far as the persona can tell  405  the route does not take this method
    409  allowed, but not in the report's status

A new route or operation without a line here fails the suite (`test_every_route_has_a_rule`): its
author must say who may use it. A line for a route that no longer exists fails too.
"""

from __future__ import annotations

from typing import Any, NamedTuple

PERSONAS = ("S", "F", "G", "R", "C", "A")


def row(codes: str) -> dict[str, int]:
    """'200 200 404 404 404 302' -> {"S": 200, "F": 200, ...} in the order of PERSONAS."""
    values = [int(code) for code in codes.split()]
    assert len(values) == len(PERSONAS), codes
    return dict(zip(PERSONAS, values, strict=True))


# Rows that recur, named by who is let in.
EVERYONE = "200 200 200 200 200 200"
NO = "405 405 405 405 405 405"  # the route does not take the method
SIGNED_IN = "200 200 200 200 200 302"
SECRETARIAT = "200 403 403 403 403 302"
# France's unpublished draft: the Secretariat and France's focal point only; to anyone else it is not there
FRANCE_DRAFT = "200 200 404 404 404 404"


OBSERVATIONS = (
    "country,iso3,year,indicator,value,source,note,flags,sex\n"
    "France,FRA,2007,tip_persons_convicted,51,UNODC GLOTIP (synthetic),,,\n"
)


class Page(NamedTuple):
    url: str
    get: str
    post: str
    data: dict[str, str] | None = None  # the form posted (none: an empty form)


class Op(NamedTuple):
    url: str
    codes: str
    # the JSON sent to a write (none: {}); {"file": text}: a file sent as a form; "$name": a world's value
    body: dict[str, Any] | None = None


# The placeholders of the sample URLs, filled from the world: {cycle} the sample cycle; {answer}
# an answer of France's draft, {question} its question; {international} an international action of
# the cycle; {contribution} a contribution on Switzerland's report; {notice} a notice to France's
# focal point; {target} an indicator target; {deadline} a deadline of the plan; {request},
# {project}, {donor} the assistance sample's; {uid} and {token} a link that is not valid.

PAGES: dict[str, Page] = {
    "language": Page("/language", NO, "302 302 302 302 302 302", {"language": "fr", "next": "/"}),
    "accounts:account": Page("/accounts/", SIGNED_IN, "200 200 200 403 403 302"),
    "accounts:login": Page("/accounts/login/", "302 302 302 302 302 200", "302 302 302 302 302 200"),
    "accounts:logout": Page("/accounts/logout/", NO, "302 302 302 302 302 302"),
    "accounts:password_change": Page("/accounts/password/", SIGNED_IN, SIGNED_IN),
    "accounts:password_reset": Page("/accounts/password-reset/", EVERYONE, EVERYONE),
    "accounts:password_reset_done": Page("/accounts/password-reset/sent/", EVERYONE, NO),
    "accounts:password_reset_confirm": Page("/accounts/reset/{uid}/{token}/", EVERYONE, EVERYONE),
    "accounts:password_reset_complete": Page("/accounts/reset/done/", EVERYONE, NO),
    "accounts:activate": Page("/accounts/activate/{uid}/{token}/", EVERYONE, EVERYONE),
    "countries:list": Page("/countries/", EVERYONE, NO),
    "countries:detail": Page("/countries/CHE", EVERYONE, NO),
    "monitoring:progress": Page("/progress", EVERYONE, NO),
    "monitoring:status": Page("/reporting/status", EVERYONE, NO),
    "monitoring:matrix": Page("/reporting/progress", EVERYONE, NO),
    "monitoring:cell": Page("/reporting/progress/cell?chapter=VIII&area=Europe", EVERYONE, NO),
    "monitoring:commitments": Page("/reporting/commitments", EVERYONE, NO),
    "monitoring:state_pdf": Page("/reporting/states/CHE.pdf", EVERYONE, NO),
    "monitoring:state_print": Page("/reporting/states/CHE/print", EVERYONE, NO),
    "monitoring:state": Page("/reporting/states/FRA", EVERYONE, NO),
    "monitoring:targets": Page("/treaties/targets", EVERYONE, NO),
    "monitoring:indicator_targets": Page("/targets", EVERYONE, NO),
    "monitoring:indicator_target_new": Page("/targets/new", "200 403 403 403 403 403", "200 403 403 403 403 403"),
    "monitoring:deadlines": Page("/targets/deadlines", EVERYONE, NO),
    "monitoring:deadline": Page("/targets/deadlines/{deadline}", EVERYONE, NO),
    "monitoring:indicator_target": Page("/targets/{target}", EVERYONE, NO),
    "monitoring:indicator_target_edit": Page(
        "/targets/{target}/edit", "200 403 403 403 403 403", "200 403 403 403 403 403"
    ),
    "monitoring:indicator_target_state": Page("/targets/{target}/states/FRA", EVERYONE, NO),
    "monitoring:treaty_map": Page("/treaties/UNTOC/map", EVERYONE, NO),
    "monitoring:treaty_map_svg": Page("/treaties/UNTOC/map.svg", EVERYONE, NO),
    "monitoring:reporting_map": Page("/reporting/status/map", EVERYONE, NO),
    "monitoring:reporting_map_svg": Page("/reporting/status/map.svg", EVERYONE, NO),
    "monitoring:indicator_map": Page("/indicators/tip_persons_convicted/map", EVERYONE, NO),
    "monitoring:indicator_map_svg": Page("/indicators/tip_persons_convicted/map.svg", EVERYONE, NO),
    "monitoring:target_map": Page("/targets/{target}/map", EVERYONE, NO),
    "monitoring:target_map_svg": Page("/targets/{target}/map.svg", EVERYONE, NO),
    "monitoring:commission_report": Page("/reporting/commission-report", EVERYONE, NO),
    "monitoring:commission_report_pdf": Page("/reporting/commission-report.pdf", EVERYONE, NO),
    "treaties:instruments": Page("/treaties/", EVERYONE, NO),
    "treaties:state": Page("/treaties/states/FRA", EVERYONE, NO),
    "treaties:instrument": Page("/treaties/UNTOC", EVERYONE, NO),
    "indicators:catalogue": Page("/indicators/", EVERYONE, NO),
    "indicators:import": Page("/indicators/import", SECRETARIAT, "400 403 403 403 403 302"),
    "indicators:indicator": Page("/indicators/tip_persons_convicted", EVERYONE, NO),
    "reporting:cycles": Page("/reporting/", EVERYONE, "400 403 403 403 403 403"),
    "reporting:desk": Page("/reporting/desk", SIGNED_IN, NO),
    "reporting:cycle": Page("/reporting/{cycle}/", EVERYONE, NO),
    "reporting:cycle_options": Page("/reporting/{cycle}/options", NO, "400 403 403 403 403 403"),
    "reporting:contributions": Page("/reporting/contributions/", SECRETARIAT, NO),
    "reporting:moderate": Page("/reporting/contributions/{contribution}/moderation", NO, "400 403 403 403 403 403"),
    "reporting:international": Page("/reporting/{cycle}/international/", EVERYONE, "400 403 403 403 403 403"),
    "reporting:report": Page("/reporting/{cycle}/FRA/", FRANCE_DRAFT, NO),
    "reporting:history": Page("/reporting/{cycle}/FRA/history", FRANCE_DRAFT, NO),
    "reporting:print": Page("/reporting/{cycle}/FRA/print", FRANCE_DRAFT, NO),
    "reporting:report_pdf": Page("/reporting/{cycle}/FRA/report.pdf", FRANCE_DRAFT, NO),
    "reporting:section": Page("/reporting/{cycle}/FRA/chapter/VIII", FRANCE_DRAFT, NO),
    "reporting:next_unanswered": Page("/reporting/{cycle}/FRA/next", "302 302 404 404 404 404", NO),
    "reporting:start": Page("/reporting/{cycle}/FRA/start", NO, "302 302 404 404 404 404"),
    "reporting:submit": Page("/reporting/{cycle}/FRA/submit", FRANCE_DRAFT, "302 302 404 404 404 404"),
    "reporting:answer": Page("/reporting/{cycle}/FRA/answers/{answer}", NO, "400 400 404 404 404 404"),
    "reporting:transition": Page("/reporting/{cycle}/FRA/transitions/submit", NO, "302 302 404 404 404 404"),
    "reporting:comment": Page("/reporting/{cycle}/FRA/comments", NO, "400 403 404 404 404 404"),
    "reporting:contribute": Page("/reporting/{cycle}/CHE/contributions", NO, "400 403 403 403 400 403"),
    "reporting:questionnaire_download": Page("/reporting/{cycle}/FRA/questionnaire.xlsx", FRANCE_DRAFT, NO),
    "reporting:questionnaire_upload": Page("/reporting/{cycle}/FRA/upload", FRANCE_DRAFT, "400 400 404 404 404 404"),
    "notices:list": Page("/notices/", SIGNED_IN, NO),
    "notices:open": Page("/notices/{notice}/open", "404 302 404 404 404 302", NO),
    "notices:read_all": Page("/notices/read", NO, "302 302 302 302 302 302"),
    "notices:email": Page("/notices/email", NO, "400 400 400 400 400 302"),
    "notices:remind": Page("/notices/remind", NO, "400 403 403 403 403 302"),
    "knowledge:index": Page("/knowledge/", EVERYONE, NO),
    "knowledge:search": Page("/knowledge/search?q=firearms", EVERYONE, NO),
    "knowledge:legislation": Page("/knowledge/legislation", EVERYONE, NO),
    "knowledge:legislative_guide": Page("/knowledge/legislation/guide/FIREARMS/5", EVERYONE, NO),
    "knowledge:law": Page("/knowledge/legislation/CHE/SR-514.54", EVERYONE, NO),
    "knowledge:patterns:list": Page("/knowledge/patterns", EVERYONE, NO),
    "knowledge:patterns:map": Page("/knowledge/patterns/map", EVERYONE, NO),
    "knowledge:patterns:map_svg": Page("/knowledge/patterns/map.svg", EVERYONE, NO),
    "knowledge:patterns:years": Page("/knowledge/patterns/years", EVERYONE, NO),
    "knowledge:patterns:record": Page("/knowledge/patterns/ANDES-COCAINE", EVERYONE, NO),
    "knowledge:patterns:terrorism": Page("/knowledge/terrorism", EVERYONE, NO),
    "knowledge:assessments:list": Page("/knowledge/assessments", EVERYONE, NO),
    "knowledge:assessments:compare": Page("/knowledge/assessments/compare?sector=police", EVERYONE, NO),
    "knowledge:assessments:assessment": Page("/knowledge/assessments/KEN/NCS-2019", EVERYONE, NO),
    "knowledge:assessments:documents": Page("/knowledge/documents", EVERYONE, NO),
    "knowledge:assessments:document": Page("/knowledge/documents/practical-measures", EVERYONE, NO),
    "knowledge:assessments:version": Page("/knowledge/documents/practical-measures/{document_version}", EVERYONE, NO),
    "knowledge:trafficking:list": Page("/knowledge/trafficking", EVERYONE, NO),
    "knowledge:trafficking:csv": Page("/knowledge/trafficking.csv", EVERYONE, NO),
    "knowledge:trafficking:aggregate": Page("/knowledge/trafficking/by/sex-age", EVERYONE, NO),
    "knowledge:trafficking:flow": Page("/knowledge/trafficking/F-NGA-CHE", EVERYONE, NO),
    "knowledge:firearms:regulations": Page("/knowledge/firearms", EVERYONE, NO),
    "knowledge:firearms:reports": Page("/knowledge/firearms/reports", EVERYONE, NO),
    "knowledge:firearms:report_new": Page(
        "/knowledge/firearms/reports/new", "200 200 200 403 403 403", "400 400 400 403 403 403"
    ),
    "knowledge:firearms:report": Page("/knowledge/firearms/reports/FRA/2004", FRANCE_DRAFT, NO),
    "knowledge:firearms:report_edit": Page(
        "/knowledge/firearms/reports/FRA/2004/edit", FRANCE_DRAFT, "400 400 404 404 404 404"
    ),
    "knowledge:firearms:report_move": Page(
        "/knowledge/firearms/reports/FRA/2004/move", NO, "302 302 404 404 404 404", {"transition": "submit"}
    ),
    "knowledge:firearms:state": Page("/knowledge/firearms/CHE", EVERYONE, NO),
    "knowledge:authorities:list": Page("/knowledge/authorities", EVERYONE, NO),
    "knowledge:authorities:csv": Page("/knowledge/authorities.csv", "200 403 403 403 403 403", NO),
    "knowledge:authorities:authority": Page("/knowledge/authorities/CHE/FOJ-MLA", EVERYONE, NO),
    "knowledge:practices:list": Page("/knowledge/practices", EVERYONE, NO),
    "knowledge:practices:practice": Page("/knowledge/practices/AT-victims-legal-aid", EVERYONE, NO),
    "assistance:home": Page("/assistance/", EVERYONE, NO),
    "assistance:requests": Page("/assistance/requests", "200 200 200 403 403 302", NO),
    "assistance:request_new": Page("/assistance/requests/new", "200 200 200 403 403 302", "400 400 400 403 403 302"),
    "assistance:request": Page("/assistance/requests/{request}", "200 200 404 403 403 302", NO),
    "assistance:transition": Page("/assistance/requests/{request}/transitions/fund", NO, "302 403 404 403 403 302"),
    "assistance:request_from_answer": Page("/assistance/answers/{answer}/request", NO, "302 302 403 403 403 302"),
    "assistance:projects:list": Page("/assistance/projects", EVERYONE, NO),
    "assistance:projects:csv": Page("/assistance/projects.csv", SECRETARIAT, NO),
    "assistance:projects:new": Page("/assistance/projects/new", SECRETARIAT, "400 403 403 403 403 302"),
    "assistance:projects:import": Page("/assistance/projects/import", SECRETARIAT, "400 403 403 403 403 302"),
    "assistance:projects:project": Page("/assistance/projects/{project}", EVERYONE, NO),
    "assistance:projects:requests": Page("/assistance/projects/{project}/requests", NO, "400 403 403 403 403 302"),
    "assistance:projects:budget": Page("/assistance/projects/{project}/budget", NO, "400 403 403 403 403 302"),
    "assistance:projects:milestones": Page("/assistance/projects/{project}/milestones", NO, "400 403 403 403 403 302"),
    "assistance:projects:outputs": Page("/assistance/projects/{project}/outputs", NO, "400 403 403 403 403 302"),
    "assistance:projects:complete": Page("/assistance/projects/{project}/complete", NO, "302 403 403 403 403 302"),
    "assistance:projects:requests_csv": Page("/assistance/requests.csv", "200 200 200 403 403 302", NO),
    "assistance:overview:board": Page("/assistance/board", SECRETARIAT, NO),
    "assistance:overview:state": Page("/assistance/states/FRA", EVERYONE, NO),
    "assistance:overview:area": Page("/assistance/areas/VI", EVERYONE, NO),
    "assistance:overview:matching": Page("/assistance/matching", SECRETARIAT, NO),
    "assistance:overview:donor_needs": Page("/assistance/donors/{donor}/needs", EVERYONE, NO),
    "assistance:resources:funds": Page("/assistance/funds", EVERYONE, NO),
    "assistance:resources:fund": Page("/assistance/funds/gp-trafficking", EVERYONE, NO),
    "assistance:resources:donors": Page("/assistance/donors", EVERYONE, NO),
    "assistance:resources:donor": Page("/assistance/donors/{donor}", EVERYONE, NO),
    "assistance:resources:contributions_csv": Page("/assistance/contributions.csv", EVERYONE, NO),
    "assistance:resources:disbursements_csv": Page("/assistance/disbursements.csv", EVERYONE, NO),
    "assistance:events:list": Page("/assistance/events", EVERYONE, NO),
    "assistance:events:csv": Page("/assistance/events.csv", "200 403 403 403 403 403", NO),
    "assistance:events:event": Page("/assistance/events/dakar-2002", EVERYONE, NO),
    "plan:home": Page("/", EVERYONE, NO),
    "plan:chapter": Page("/plan/chapter/VIII", EVERYONE, NO),
    "plan:notes": Page("/plan/notes", EVERYONE, NO),
    "plan:note": Page("/plan/notes/1", "302 302 302 302 302 302", NO),
    "plan:deadlines": Page("/plan/deadlines", EVERYONE, NO),
    "plan:search": Page("/plan/search?q=firearms", EVERYONE, NO),
    "plan:provision": Page("/plan/57/k/ii", EVERYONE, NO),
}

API: dict[str, Op] = {
    "GET /api/plan": Op("/api/plan", EVERYONE),
    "GET /api/plan/chapters": Op("/api/plan/chapters", EVERYONE),
    "GET /api/plan/chapters/{number}": Op("/api/plan/chapters/VIII", EVERYONE),
    "GET /api/plan/provisions": Op("/api/plan/provisions?chapter=VIII", EVERYONE),
    "GET /api/plan/provisions/{path}": Op("/api/plan/provisions/57/k/ii", EVERYONE),
    "GET /api/plan/notes": Op("/api/plan/notes", EVERYONE),
    "GET /api/plan/notes/{number}": Op("/api/plan/notes/1", EVERYONE),
    "GET /api/plan/deadlines": Op("/api/plan/deadlines", EVERYONE),
    "GET /api/plan/search": Op("/api/plan/search?q=firearms", EVERYONE),
    "GET /api/plan/export.json": Op("/api/plan/export.json", EVERYONE),
    "GET /api/plan/export.csv": Op("/api/plan/export.csv", EVERYONE),
    "GET /api/plan/export.akn": Op("/api/plan/export.akn", EVERYONE),
    "GET /api/countries": Op("/api/countries", EVERYONE),
    "GET /api/countries/resolve": Op("/api/countries/resolve?name=Switzerland", EVERYONE),
    "GET /api/countries/{code}": Op("/api/countries/CHE", EVERYONE),
    "GET /api/treaties/ratification-targets": Op("/api/treaties/ratification-targets", EVERYONE),
    "GET /api/treaties": Op("/api/treaties", EVERYONE),
    "GET /api/treaties/states/{alpha3}": Op("/api/treaties/states/FRA", EVERYONE),
    "POST /api/treaties/actions": Op(
        "/api/treaties/actions",
        "201 403 403 403 403 401",
        {"state": "JPN", "instrument": "UNTOC", "action": "ratification", "date": "2003-06-01"},
    ),
    "GET /api/treaties/export.csv": Op("/api/treaties/export.csv", EVERYONE),
    "GET /api/treaties/export.json": Op("/api/treaties/export.json", EVERYONE),
    "GET /api/treaties/{code}": Op("/api/treaties/UNTOC", EVERYONE),
    "GET /api/treaties/{code}/status": Op("/api/treaties/UNTOC/status", EVERYONE),
    "GET /api/treaties/{code}/states": Op("/api/treaties/UNTOC/states", EVERYONE),
    "GET /api/indicators": Op("/api/indicators", EVERYONE),
    "POST /api/indicators/observations/import": Op(
        "/api/indicators/observations/import", "201 403 403 403 403 401", {"file": OBSERVATIONS}
    ),
    "GET /api/indicators/{code}": Op("/api/indicators/tip_persons_convicted", EVERYONE),
    "GET /api/indicators/{code}/observations": Op("/api/indicators/tip_persons_convicted/observations", EVERYONE),
    "GET /api/knowledge": Op("/api/knowledge", EVERYONE),
    "GET /api/knowledge/search": Op("/api/knowledge/search?q=firearms", EVERYONE),
    "GET /api/knowledge/legislation/guide/{instrument}/{article}": Op(
        "/api/knowledge/legislation/guide/FIREARMS/5", EVERYONE
    ),
    "GET /api/knowledge/legislation": Op("/api/knowledge/legislation", EVERYONE),
    "GET /api/knowledge/legislation/{state}/{key}": Op("/api/knowledge/legislation/CHE/SR-514.54", EVERYONE),
    "GET /api/knowledge/patterns": Op("/api/knowledge/patterns", EVERYONE),
    "GET /api/knowledge/patterns/map": Op("/api/knowledge/patterns/map", EVERYONE),
    "GET /api/knowledge/patterns/years": Op("/api/knowledge/patterns/years", EVERYONE),
    "GET /api/knowledge/patterns/{key}": Op("/api/knowledge/patterns/ANDES-COCAINE", EVERYONE),
    "GET /api/knowledge/terrorism": Op("/api/knowledge/terrorism", EVERYONE),
    "GET /api/knowledge/assessments": Op("/api/knowledge/assessments", EVERYONE),
    "GET /api/knowledge/assessments/compare": Op("/api/knowledge/assessments/compare?sector=police", EVERYONE),
    "GET /api/knowledge/assessments/{state}/{key}": Op("/api/knowledge/assessments/KEN/NCS-2019", EVERYONE),
    "GET /api/knowledge/documents": Op("/api/knowledge/documents", EVERYONE),
    "GET /api/knowledge/documents/{key}": Op("/api/knowledge/documents/practical-measures", EVERYONE),
    "GET /api/knowledge/documents/{key}/{label}": Op(
        "/api/knowledge/documents/practical-measures/{document_version}", EVERYONE
    ),
    "GET /api/knowledge/trafficking": Op("/api/knowledge/trafficking", EVERYONE),
    "GET /api/knowledge/trafficking/by/{dimension}": Op("/api/knowledge/trafficking/by/sex-age", EVERYONE),
    "GET /api/knowledge/trafficking/{key}": Op("/api/knowledge/trafficking/F-NGA-CHE", EVERYONE),
    "GET /api/knowledge/firearms/reports": Op("/api/knowledge/firearms/reports", EVERYONE),
    "GET /api/knowledge/firearms/reports/{state}/{year}": Op("/api/knowledge/firearms/reports/CHE/2003", EVERYONE),
    "POST /api/knowledge/firearms/reports/{state}/{year}/transitions/{name}": Op(
        "/api/knowledge/firearms/reports/FRA/2004/transitions/submit", "201 201 404 404 404 401", {"comment": ""}
    ),
    "GET /api/knowledge/firearms": Op("/api/knowledge/firearms", EVERYONE),
    "GET /api/knowledge/firearms/{state}": Op("/api/knowledge/firearms/CHE", EVERYONE),
    "GET /api/knowledge/authorities": Op("/api/knowledge/authorities", EVERYONE),
    "GET /api/knowledge/authorities/{state}/{key}": Op("/api/knowledge/authorities/CHE/FOJ-MLA", EVERYONE),
    "GET /api/knowledge/practices": Op("/api/knowledge/practices", EVERYONE),
    "GET /api/knowledge/practices/{key}": Op("/api/knowledge/practices/AT-victims-legal-aid", EVERYONE),
    "GET /api/assistance/requests": Op("/api/assistance/requests", "200 200 200 403 403 401"),
    "GET /api/assistance/requests/{key}": Op("/api/assistance/requests/{request}", "200 200 404 403 403 401"),
    "POST /api/assistance/requests/{key}/transitions/{name}": Op(
        "/api/assistance/requests/{request}/transitions/fund", "201 403 404 403 403 401", {"comment": ""}
    ),
    "POST /api/assistance/answers/{answer_id}/request": Op(
        "/api/assistance/answers/{answer}/request", "201 201 403 403 403 401"
    ),
    "GET /api/assistance/funds": Op("/api/assistance/funds", EVERYONE),
    "GET /api/assistance/funds/{key}": Op("/api/assistance/funds/gp-trafficking", EVERYONE),
    "GET /api/assistance/donors": Op("/api/assistance/donors", EVERYONE),
    "GET /api/assistance/donors/{donor_id}": Op("/api/assistance/donors/{donor}", EVERYONE),
    "GET /api/assistance/events": Op("/api/assistance/events", EVERYONE),
    "GET /api/assistance/events/{key}": Op("/api/assistance/events/dakar-2002", EVERYONE),
    "GET /api/assistance/projects": Op("/api/assistance/projects", EVERYONE),
    "GET /api/assistance/projects/{key}": Op("/api/assistance/projects/{project}", EVERYONE),
    "POST /api/assistance/projects/{key}/outputs": Op(
        "/api/assistance/projects/{project}/outputs",
        "201 403 403 403 403 401",
        {"kind": "seminar_held", "quantity": 1, "date": "2003-05-06"},
    ),
    "POST /api/assistance/projects/{key}/complete": Op(
        "/api/assistance/projects/{project}/complete", "200 403 403 403 403 401"
    ),
    "GET /api/assistance/board": Op("/api/assistance/board", "200 403 403 403 403 401"),
    "GET /api/assistance/states/{alpha3}": Op("/api/assistance/states/FRA", EVERYONE),
    "GET /api/assistance/areas/{number}": Op("/api/assistance/areas/VI", EVERYONE),
    "GET /api/assistance/matching": Op("/api/assistance/matching", "200 403 403 403 403 401"),
    "GET /api/assistance/donors/{donor_id}/needs": Op("/api/assistance/donors/{donor}/needs", EVERYONE),
    "GET /api/reporting/progress/status": Op("/api/reporting/progress/status", EVERYONE),
    "GET /api/reporting/progress/matrix": Op("/api/reporting/progress/matrix", EVERYONE),
    "GET /api/reporting/progress/matrix/cell": Op(
        "/api/reporting/progress/matrix/cell?chapter=VIII&area=Europe", "200 200 200 200 200 200"
    ),
    "GET /api/reporting/progress/commitments": Op("/api/reporting/progress/commitments", EVERYONE),
    "GET /api/reporting/progress/states/{alpha3}": Op("/api/reporting/progress/states/FRA", EVERYONE),
    "GET /api/reporting/commission-report": Op("/api/reporting/commission-report", EVERYONE),
    "GET /api/maps/treaties/{code}": Op("/api/maps/treaties/UNTOC", EVERYONE),
    "GET /api/maps/reporting": Op("/api/maps/reporting", EVERYONE),
    "GET /api/maps/indicators/{code}": Op("/api/maps/indicators/tip_persons_convicted", EVERYONE),
    "GET /api/maps/targets/{target_id}": Op("/api/maps/targets/{target}", EVERYONE),
    "GET /api/targets/deadlines": Op("/api/targets/deadlines", EVERYONE),
    "GET /api/targets/deadlines/{key}": Op("/api/targets/deadlines/{deadline}", EVERYONE),
    "GET /api/targets": Op("/api/targets", EVERYONE),
    "GET /api/targets/{target_id}": Op("/api/targets/{target}", EVERYONE),
    "GET /api/targets/{target_id}/states/{alpha3}": Op("/api/targets/{target}/states/FRA", EVERYONE),
    "GET /api/reporting/cycles": Op("/api/reporting/cycles", EVERYONE),
    "POST /api/reporting/cycles": Op(
        "/api/reporting/cycles",
        "201 403 403 403 403 401",
        {"name": "2004 review", "opens": "2004-01-01", "closes": "2004-12-31", "chapters": ["VI"]},
    ),
    "PATCH /api/reporting/cycles/{cycle_id}": Op(
        "/api/reporting/cycles/{cycle}", "200 403 403 403 403 401", {"require_all_answers": True}
    ),
    "GET /api/reporting/cycles/{cycle_id}": Op("/api/reporting/cycles/{cycle}", EVERYONE),
    "GET /api/reporting/cycles/{cycle_id}/questions": Op("/api/reporting/cycles/{cycle}/questions", EVERYONE),
    "GET /api/reporting/cycles/{cycle_id}/international": Op("/api/reporting/cycles/{cycle}/international", EVERYONE),
    "PUT /api/reporting/cycles/{cycle_id}/international/{path}": Op(
        "/api/reporting/cycles/{cycle}/international/{international}",
        "200 403 403 403 403 401",
        {"status": "ongoing", "resources": "secured"},
    ),
    "GET /api/reporting/reports/{cycle_id}/{state}": Op(
        "/api/reporting/reports/{cycle}/FRA", "200 200 404 404 404 404"
    ),
    "GET /api/reporting/reports/{cycle_id}/{state}/answers": Op(
        "/api/reporting/reports/{cycle}/FRA/answers", "200 200 404 404 404 404"
    ),
    "PATCH /api/reporting/reports/{cycle_id}/{state}/answers/{question}": Op(
        "/api/reporting/reports/{cycle}/FRA/answers/{question}",
        "200 200 404 404 404 401",
        {"version": "$version", "status": "implemented"},
    ),
    "POST /api/reporting/reports/{cycle_id}/{state}/transitions/{name}": Op(
        "/api/reporting/reports/{cycle}/FRA/transitions/submit", "201 201 404 404 404 401", {"comment": ""}
    ),
    "GET /api/reporting/reports/{cycle_id}/{state}/events": Op(
        "/api/reporting/reports/{cycle}/FRA/events", "200 200 404 404 404 404"
    ),
    "GET /api/reporting/reports/{cycle_id}/{state}/comments": Op(
        "/api/reporting/reports/{cycle}/FRA/comments", "200 200 404 404 404 404"
    ),
    "POST /api/reporting/reports/{cycle_id}/{state}/comments": Op(
        "/api/reporting/reports/{cycle}/FRA/comments", "201 403 404 404 404 401", {"text": "Please add the dates."}
    ),
    "GET /api/reporting/reports/{cycle_id}/{state}/diff": Op(
        "/api/reporting/reports/{cycle}/FRA/diff", "200 200 404 404 404 404"
    ),
    "GET /api/reporting/reports/{cycle_id}/{state}/contributions": Op(
        "/api/reporting/reports/{cycle}/CHE/contributions", EVERYONE
    ),
    "POST /api/reporting/reports/{cycle_id}/{state}/contributions": Op(
        "/api/reporting/reports/{cycle}/CHE/contributions",
        "201 403 403 403 201 401",
        {"text": "The cantons' prisons are left out."},
    ),
    "GET /api/reporting/contributions": Op("/api/reporting/contributions", "200 403 403 403 403 401"),
    "POST /api/reporting/contributions/{contribution_id}/moderation": Op(
        "/api/reporting/contributions/{contribution}/moderation", "200 403 403 403 403 401", {"decision": "approve"}
    ),
}
