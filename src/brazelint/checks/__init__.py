"""Fact producers and the checks that turn templates and renders into diagnostics; the
rules they report under are in ``brazelint.rules``."""
