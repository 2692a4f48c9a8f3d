"""Template analysis shared by the engine, the checks and the linter: what a parsed
template reads (``reads``) and its branches (``branches``)."""
