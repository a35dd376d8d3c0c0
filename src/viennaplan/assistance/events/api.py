"""The events of technical assistance in the JSON API, under /api/assistance (issue 13)."""

from ninja import Router

router = Router()
