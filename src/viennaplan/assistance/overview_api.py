"""The overview of technical assistance in the JSON API, under /api/assistance (issue 13)."""

from __future__ import annotations

from ninja import Router

router = Router()
