"""The need texts of the overview tests' requests (a module of its own: `from conftest import …` finds
whichever conftest was imported last)."""

SHARED_NEED = "Shared need: forensic laboratory for firearms tracing."
CONFIDENTIAL_NEED = "Confidential need: witness protection for a pending trial."
