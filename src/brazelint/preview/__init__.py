"""The live preview behind ``brazelint serve``: a local page per template, kept current."""
