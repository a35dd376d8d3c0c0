"""Shared fixtures: the parsed plan and the imported plan, built once per session."""
