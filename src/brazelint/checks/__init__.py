"""Checks that turn render results into diagnostics, and the rule catalog they report under."""
