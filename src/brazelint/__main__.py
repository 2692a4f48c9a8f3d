"""``python -m brazelint``."""

from brazelint.cli import main

raise SystemExit(main())
