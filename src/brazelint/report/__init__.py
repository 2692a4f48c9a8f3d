"""Formatting results for people and machines."""
