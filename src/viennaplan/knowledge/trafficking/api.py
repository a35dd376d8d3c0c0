"""The collection's JSON twins, mounted under /api/knowledge by the project's api.py."""

from ninja import Router

router = Router()
