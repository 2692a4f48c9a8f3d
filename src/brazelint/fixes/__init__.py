"""Autofix: edits to template sources that make a finding go away and nothing else.

A fix is a list of :class:`~brazelint.fixes.edits.Edit` on the source (never on rendered
output), made by a small function registered beside its rule's name
(:mod:`brazelint.fixes.registry`); :mod:`brazelint.fixes.apply` runs them in passes and
re-lints before anything is written (:mod:`brazelint.fixes.write`).
"""
