"""What every plan page needs: the version it shows, how links keep it, its JSON twin.

Every page takes `?version=ID`; without it the current version is shown. A version asked
for explicitly is kept in every link of the page (`vq`), so a reader who pinned a version
stays on it while browsing.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from viennaplan.dates import long_date

from ..models import PlanVersion


class NoPlanImported(Http404):
    """No version of the plan is in the database yet."""


def requested_version(request) -> PlanVersion:
    """The version named by `?version=ID`, else the current one; 404 with a clear message."""
    raw = request.GET.get("version", "").strip()
    if not raw:
        version = PlanVersion.current()
        if version is None:
            raise NoPlanImported(_("No version of the plan has been imported yet. Run `viennaplan plan import` first."))
        return version
    if not raw.isdigit():
        raise Http404(
            _("?version=%(raw)s is not a plan version number (expected a whole number, e.g. ?version=1).")
            % {"raw": repr(raw)}
        )
    try:
        return PlanVersion.objects.get(pk=int(raw))
    except PlanVersion.DoesNotExist:
        raise Http404(
            _("There is no plan version %(raw)s. Leave out ?version= to see the current plan.") % {"raw": raw}
        ) from None


def version_param(request, version: PlanVersion) -> str:
    """`version=ID` when the reader asked for a version, else ""."""
    return f"version={version.pk}" if request.GET.get("version", "").strip() else ""


def version_query(request, version: PlanVersion) -> str:
    """`?version=ID` to keep on a link or redirect when the reader asked for a version, else ""."""
    vparam = version_param(request, version)
    return f"?{vparam}" if vparam else ""


def api_url(path: str, vparam: str = "", **params) -> str:
    """The URL of a page's JSON twin under /api/plan/, with the same filters."""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    encoded = urlencode(query)
    if vparam:
        encoded = f"{vparam}&{encoded}" if encoded else vparam
    url = reverse("api:api-root") + "/".join(part for part in ("plan", path.strip("/")) if part)
    return f"{url}?{encoded}" if encoded else url


def page_context(request, version: PlanVersion, **extra) -> dict:
    """The context every plan page shares (the base layout reads it)."""
    vparam = version_param(request, version)
    # Newest first (the model's ordering), so the current version is the first one.
    versions = list(PlanVersion.objects.only("id", "title", "symbol", "date", "imported_at"))
    current = versions[0] if versions else None
    context = {
        "plan": version,
        "current_plan": current,
        "is_current_version": current is not None and version.pk == current.pk,
        "vparam": vparam,
        "vq": version_query(request, version),
        "vamp": f"&{vparam}" if vparam else "",
        "versions": versions if len(versions) > 1 else [],
    }
    context.update(extra)
    return context


def version_identity(version: PlanVersion) -> str:
    """'E/CN.15/2001/4, 27 March 2001': the symbol and date a version is known by ('' if neither)."""
    return ", ".join(part for part in (version.symbol, version.date and long_date(version.date)) if part)


def version_label(version: PlanVersion) -> str:
    """'version 2 (E/CN.15/2001/4, 27 March 2001)': how a page names another version."""
    identity = version_identity(version)
    if identity:
        return _("version %(id)s (%(identity)s)") % {"id": version.pk, "identity": identity}
    return _("version %(id)s") % {"id": version.pk}


def short_title(version: PlanVersion) -> str:
    """The title as cited: without its subtitle after the colon."""
    return version.title.split(":")[0].strip() if version.title else "Plans of Action"
