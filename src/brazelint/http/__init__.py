"""Connected Content HTTP: stubs (the default), the real network (opt-in), record mode."""
