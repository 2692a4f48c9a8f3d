"""Make docs/lsp-neovim.png: Neovim, in tmux, with ``brazelint lsp`` showing diagnostics
and a hover on a scratch project; the terminal's text and colours rendered to PNG with
headless Chromium.

    python docs/lsp_screenshot.py     # needs nvim (0.7+), tmux and chromium
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SESSION = "brazelint-lsp-shot"
COLUMNS, ROWS = 168, 14
BACKGROUND, FOREGROUND = "#1e1f22", "#d8dadf"

INIT_LUA = """
vim.opt.termguicolors = true
vim.opt.number = true
vim.opt.signcolumn = "yes"
vim.opt.laststatus = 0
vim.opt.showmode = false
vim.opt.ruler = false
vim.cmd("syntax on")
vim.cmd([[
  highlight Normal guibg=#1e1f22 guifg=#d8dadf
  highlight SignColumn guibg=NONE
  highlight LineNr guifg=#6f737a
  highlight NormalFloat guibg=#2b2d31 guifg=#d8dadf
  highlight FloatBorder guibg=#2b2d31 guifg=#6f737a
  highlight EndOfBuffer guifg=#1e1f22
]])
vim.diagnostic.config({ virtual_text = { prefix = "●" } })
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "liquid" },
  callback = function(args)
    local id = vim.lsp.start_client({
      name = "brazelint",
      cmd = { vim.g.brazelint_python, "-m", "brazelint", "lsp" },
      root_dir = vim.fn.getcwd(),
      handlers = {
        ["textDocument/hover"] = vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded" }),
      },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
"""

PROJECT = {
    "brazelint.toml": 'profiles = "profiles"\nnow = "2026-01-01T09:00:00Z"\n',
    "profiles/known.yaml": "name: known\nattributes: {first_name: Jane, user_id: u-1}\n"
    "custom_attributes: {loyalty_tier: gold}\n",
    "profiles/other.yaml": "name: other\nattributes: {first_name: Ana, user_id: u-2}\n"
    "custom_attributes: {loyalty_tier: silver}\n",
    "templates/loyalty.liquid": (
        "{% comment %}SessionM customer tags, sent by a Braze webhook{% endcomment %}\n"
        '{"user_id": "{{${user_id} | json_escape}}",\n'
        ' "tags": ["vip", "{{ ${first_nam} }}",],\n'
        ' "email": "{{ ${email_address} }}",\n'
        ' "tier": "{{custom_attribute.${loyalty_tier} | default: \'none\' | json_escape}}"}\n'
    ),
}

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def capture(project: Path) -> str:
    """The terminal, with colours, once the diagnostics and the hover are shown."""
    init = project / "init.lua"
    init.write_text(INIT_LUA)
    nvim = (
        f"nvim -u {init} --cmd 'let g:brazelint_python=\"{sys.executable}\"' "
        "templates/loyalty.liquid"
    )
    tmux = ["tmux"]
    subprocess.run([*tmux, "kill-session", "-t", SESSION], capture_output=True, check=False)
    subprocess.run(
        [
            *tmux,
            "new-session",
            "-d",
            "-s",
            SESSION,
            "-x",
            str(COLUMNS),
            "-y",
            str(ROWS),
            "-c",
            str(project),
            nvim,
        ],
        check=True,
    )
    try:
        time.sleep(8)  # the server starts and publishes
        steps = (["5G"], ["0", "f", "l"], [":lua vim.lsp.buf.hover()", "Enter"], [":", "Escape"])
        for keys in steps:
            subprocess.run([*tmux, "send-keys", "-t", SESSION, *keys], check=True)
            time.sleep(0.5)
        time.sleep(3)
        return subprocess.run(
            [*tmux, "capture-pane", "-t", SESSION, "-e", "-p"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        subprocess.run([*tmux, "kill-session", "-t", SESSION], capture_output=True, check=False)


def to_html(screen: str) -> str:
    """ANSI truecolour text as an HTML page of coloured spans."""
    lines = []
    for raw in screen.rstrip("\n").split("\n")[:ROWS]:
        fg, bg, underline = None, None, False
        out, position = [], 0
        for found in _SGR.finditer(raw):
            out.append(_span(raw[position : found.start()], fg, bg, underline))
            position = found.end()
            codes = [c for c in re.split("[;:]", found.group(1) or "0")]
            index = 0
            while index < len(codes):
                code = codes[index] or "0"
                if code == "0":
                    fg, bg, underline = None, None, False
                elif code == "4":
                    underline = True
                elif code in ("38", "48", "58") and codes[index + 1 : index + 2] == ["2"]:
                    rgb = "#" + "".join(f"{int(c):02x}" for c in codes[index + 2 : index + 5])
                    if code == "38":
                        fg = rgb
                    elif code == "48":
                        bg = rgb
                    index += 4
                elif code == "39":
                    fg = None
                elif code == "49":
                    bg = None
                index += 1
        out.append(_span(raw[position:], fg, bg, underline))
        lines.append("".join(out))
    body = "\n".join(lines)
    return (
        "<!doctype html><meta charset=utf-8><style>"
        f"body{{margin:0;background:{BACKGROUND}}}"
        f"pre{{margin:0;padding:14px 16px;color:{FOREGROUND};font:14px/1.35 'DejaVu Sans Mono',"
        "monospace}</style>"
        f"<pre>{body}</pre>"
    )


def _span(text: str, fg: str | None, bg: str | None, underline: bool) -> str:
    if not text:
        return ""
    style = []
    if fg:
        style.append(f"color:{fg}")
    if bg:
        style.append(f"background:{bg}")
    if underline:
        style.append("text-decoration:underline wavy #e05050")
    escaped = html.escape(text)
    return f'<span style="{";".join(style)}">{escaped}</span>' if style else escaped


def main() -> None:
    for tool in ("nvim", "tmux", "chromium"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed")
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        for name, text in PROJECT.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(text)
        page = project / "screen.html"
        page.write_text(to_html(capture(project)))
        target = DOCS / "lsp-neovim.png"
        width, height = COLUMNS * 8 + 40, ROWS * 19 + 30
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
