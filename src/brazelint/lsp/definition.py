"""Go to definition: from ``content_blocks.${name}`` to the block's file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from brazelint.lsp.cursor import Target
from brazelint.lsp.hover import block_path


def definition_of(target: Target, blocks: Optional[Path]) -> Optional[Path]:
    """The file ``target`` is defined in, when it is a Content Block that exists."""
    if target.kind != "content_block":
        return None
    return block_path(target.name, blocks)
