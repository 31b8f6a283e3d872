"""``python -m reportdiff``."""

from .cli import run

run()
