"""The Braze Liquid engine: lexer, python-liquid environment, render context, tags, filters."""
