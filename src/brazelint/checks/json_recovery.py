"""The recovering JSON parser: every syntax problem of a broken body, with a fix for each.

It keeps an explicit stack of open containers, reports a mistake, then resynchronises at
the next comma, bracket or key, so one slip yields one problem and later slips are still
found. :func:`brazelint.checks.json_syntax.parse_json` runs it only for a body that
``json.loads`` refused, so a lint of valid bodies never imports this module.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple, Optional, Union

from brazelint.checks.json_model import (
    MAX_DEPTH,
    JsonDocument,
    JsonProblem,
    Path,
    Span,
    SpanIndex,
    scan_string,
)

_SPACE = re.compile(r"[ \t\n\r]*")
_LINE_SPACE = re.compile(r"[ \t\r]*")
_WORD = re.compile(r'[^ \t\n\r{}\[\],:"]+')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.S)
_SINGLE_QUOTED = re.compile(r"'[^'\n]*'")
# Stray text runs to the end of the line or a bracket; a comma ends it only when it is
# followed by something that looks like JSON (or nothing).
_STRAY = re.compile(r'[^{}\[\]",\n]*(?:,(?=[ \t]*[^ \t\r\n"{}\[\],])[^{}\[\]",\n]*)*')
# An unquoted value runs to a ',' '}' ']' or the line end, over any "quoted parts" in it.
_UNQUOTED = re.compile(r'(?:[^,}\]\n"]|"(?:[^"\\\n]|\\.)*"|")*')
_QUOTE_AHEAD = re.compile(r'[^,:{}\[\]"\n]*"')
_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])")
_CONTROL = re.compile(r"[\x00-\x1f]")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{0,4}|.)", re.S)
_SIMPLE_ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}
_MISCASED_LITERALS: dict[str, Any] = {
    "True": True,
    "TRUE": True,
    "False": False,
    "FALSE": False,
    "None": None,
    "Null": None,
    "NULL": None,
    "nil": None,
    "undefined": None,
}
_CLOSER_OF = {"{": "}", "[": "]"}
_OPENER_OF = {"}": "{", "]": "["}
_NAME_OF = {"{": "object", "[": "array"}

_LINE_COMMENT_HINT = "Liquid has no // comments: wrap the line in {% comment %}…{% endcomment %}"
_BLOCK_COMMENT_HINT = "JSON has no /* */ comments: wrap the note in {% comment %}…{% endcomment %}"
_QUOTE_IT_HINT = 'quote it: "{{ … | json_escape }}"'
_EMPTY_VALUE_HINT = (
    "the placeholder rendered empty: give it a default ({{ x | default: 0 }}) or quote it"
)


class _Tok(NamedTuple):
    kind: str  # one of { } [ ] : , or str, sq (single-quoted), word, comment, eof
    start: int
    end: int
    closed: bool = True  # for str: whether a closing quote was found


# Frame states: where the parser is inside a container.
_KEY, _COLON, _VALUE, _AFTER = range(4)


class _Frame:
    """An open container: its value so far and what may come next."""

    __slots__ = (
        "colon_end",
        "comma",
        "key",
        "key_span",
        "kind",
        "path",
        "ruby",
        "start",
        "state",
        "value",
    )

    def __init__(self, kind: str, start: int, value: Any, path: Optional[Path]) -> None:
        self.kind = kind
        self.start = start
        self.value = value
        self.path = path  # None: the value is dropped, record no spans under it
        self.state = _KEY if kind == "{" else _VALUE
        self.key: Optional[str] = None
        self.key_span: Span = (start, start)
        self.comma: Optional[int] = None  # offset of a comma not yet followed by a member
        self.colon_end = start
        self.ruby = False  # it is a Ruby-printed hash ('=>'), reported once


class Parser:
    """Recovering parser: one pass over the text with an explicit stack of open containers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.problems: list[JsonProblem] = []
        self.values: dict[Path, Span] = {}
        self.keys: dict[Path, Span] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.done = False
        self.unterminated_end = -1

    def run(self) -> JsonDocument:
        if not self.text.strip(" \t\n\r"):
            self._report(
                0,
                self.n,
                "empty-document",
                "the document is empty",
                "the template rendered nothing for this profile",
            )
        else:
            self._parse()
        problems = sorted(self.problems, key=lambda p: (p.start, p.end))
        return JsonDocument(self.text, self.root, problems, SpanIndex(self.values, self.keys))

    def _parse(self) -> None:
        pos: Optional[int] = 0
        while pos is not None:
            tok = self._next(pos)
            if tok.kind == "eof":
                self._close_all(report=True)
                return
            pos = self._step(tok)
        self._close_all(report=False)

    # -- tokens ---------------------------------------------------------------------------

    def _token(self, pos: int) -> _Tok:
        text = self.text
        pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= self.n:
            return _Tok("eof", self.n, self.n)
        char = text[pos]
        if char in "{}[]:,":
            return _Tok(char, pos, pos + 1)
        if char == '"':
            end, closed = self._string_end(pos)
            return _Tok("str", pos, end, closed)
        if text.startswith("//", pos):
            return _Tok("comment", pos, self._line_end(pos))
        if text.startswith("/*", pos):
            close = text.find("*/", pos + 2)
            return _Tok("comment", pos, self.n if close < 0 else close + 2)
        quoted = _SINGLE_QUOTED.match(text, pos)
        if quoted:
            return _Tok("sq", pos, quoted.end())
        return _Tok("word", pos, _WORD.match(text, pos).end())  # type: ignore[union-attr]

    def _next(self, pos: int) -> _Tok:
        """The next token, reporting the comments skipped on the way."""
        tok = self._token(pos)
        while tok.kind == "comment":
            raw = self.text[tok.start : tok.end]
            self._report(
                tok.start,
                tok.end,
                "comment",
                f"comment {_show(raw)} is not valid JSON",
                _LINE_COMMENT_HINT if raw.startswith("//") else _BLOCK_COMMENT_HINT,
            )
            tok = self._token(tok.end)
        return tok

    def _peek(self, pos: int) -> _Tok:
        tok = self._token(pos)
        while tok.kind == "comment":
            tok = self._token(tok.end)
        return tok

    def _string_end(self, start: int) -> tuple[int, bool]:
        """End of the string at ``start``, and whether it has a closing quote.

        A string may run over a raw line break (a user value with a newline) only when its
        closing quote is followed by what follows a value; otherwise the quote that "closed"
        it opens something on a later line, and the string is unterminated at its line end.
        """
        text = self.text
        close = _STRING_BODY.match(text, start + 1).end()  # type: ignore[union-attr]
        if close < self.n and text[close] == '"':
            if text.find("\n", start, close) < 0:
                return close + 1, True
            after = _LINE_SPACE.match(text, close + 1).end()  # type: ignore[union-attr]
            if after >= self.n or text[after] in ",}]:\n":
                return close + 1, True
        return self._line_end(start), False

    def _line_end(self, pos: int) -> int:
        """Offset of the end of the line holding ``pos``, before any ``\\r\\n``."""
        end = self.text.find("\n", pos)
        end = self.n if end < 0 else end
        return end - 1 if end > pos and self.text[end - 1] == "\r" else end

    def _trim(self, start: int, end: int) -> int:
        while end > start + 1 and self.text[end - 1] in " \t\r":
            end -= 1
        return end

    # -- dispatch ---------------------------------------------------------------------------

    def _step(self, tok: _Tok) -> Optional[int]:
        """Handle one token; the offset to go on from (``tok.start``: re-read it), None to stop."""
        if not self.stack:
            return self._top(tok)
        frame = self.stack[-1]
        if tok.kind in ("}", "]"):
            return self._close(frame, tok)
        if frame.kind == "[":
            return self._in_array(frame, tok)
        if frame.state == _KEY:
            return self._object_key(frame, tok)
        if frame.state == _COLON:
            return self._object_colon(frame, tok)
        if frame.state == _VALUE:
            return self._object_value(frame, tok)
        return self._object_after(frame, tok)

    def _top(self, tok: _Tok) -> Optional[int]:
        if tok.kind in ("}", "]"):
            self._report(
                tok.start,
                tok.end,
                "unexpected-close",
                f"{_show(tok.kind)} closes nothing",
                "remove the extra bracket",
            )
            return tok.end
        if self.done:
            end = self._line_end(tok.start)
            raw = self.text[tok.start : end]
            self._report(
                tok.start,
                end,
                "extra-data",
                f"unexpected text {_show(raw)} after the end of the JSON value",
                "a webhook body holds one JSON value: remove the extra text",
            )
            return None
        if tok.kind in (",", ":"):
            return self._unexpected(tok, f"unexpected {_show(tok.kind)}")
        if tok.kind == "word" and _classify(self.text[tok.start : tok.end]) == "word":
            return self._stray(tok)
        return self._value(tok)

    # -- objects ----------------------------------------------------------------------------

    def _object_key(self, frame: _Frame, tok: _Tok) -> Optional[int]:
        kind = tok.kind
        if kind == "str":
            resume = self._key_without_closing_quote(frame, tok)
            if resume is not None:
                return resume
            return self._key(frame, self._string_value(tok), tok.start, tok.end)
        if kind == "sq":
            return self._key(frame, self._single_quoted(tok), tok.start, tok.end)
        if kind == "word":
            end = self._bare_key_end(tok)
            return self._stray(tok) if end is None else self._unquoted_key(frame, tok, end)
        if kind == ",":
            self._report(
                tok.start,
                tok.end,
                "extra-comma",
                "extra comma with no member before it",
                "remove the comma",
            )
            frame.comma = None  # reported: not a trailing comma too
            return tok.end
        frame.key, frame.comma = None, None
        if kind == ":":
            frame.state, frame.colon_end = _VALUE, tok.end
            return self._unexpected(tok, "':' with no key before it", "add a quoted key before it")
        self._unexpected(
            tok, f"{_show(kind)} where a key belongs", 'an object holds "key": value members'
        )
        return self._open(tok)

    def _key_without_closing_quote(self, frame: _Frame, tok: _Tok) -> Optional[int]:
        """Read ``"name: {`` or ``"url: "https…"`` as a key missing its closing quote.

        Returns where to go on from (the colon, or the quote that opens the value), or None.
        """
        text = self.text
        if tok.closed:
            colon = tok.end - 2
            while colon > tok.start and text[colon] in " \t":
                colon -= 1
            value_follows = tok.end < self.n and text[tok.end] not in " \t\r\n,:}]"
            if colon <= tok.start or text[colon] != ":" or not value_follows:
                return None
            resume = tok.end - 1
        else:
            colon = text.find(":", tok.start, tok.end)
            if colon < 0:
                return None
            resume = colon
        key = text[tok.start + 1 : colon].rstrip(" \t")
        self._report(
            tok.start,
            colon,
            "unterminated-string",
            f"key {_quote(key)} is missing its closing quote",
            f"add the quote: {_quote(key)}",
        )
        self._key(frame, key, tok.start, colon)
        if tok.closed:
            frame.state, frame.colon_end = _VALUE, colon + 1
        return resume

    def _bare_key_end(self, tok: _Tok) -> Optional[int]:
        """End of a word used as a key (``name:``, or ``name":`` missing its opening quote)."""
        end = tok.end + 1 if self.text.startswith('"', tok.end) else tok.end
        return end if self._peek(end).kind == ":" else None

    def _unquoted_key(self, frame: _Frame, tok: _Tok, end: int) -> int:
        word = self.text[tok.start : tok.end]
        quoted = json.dumps(word, ensure_ascii=False)
        if end > tok.end:
            message, hint = f"key {_show(word)} is missing its opening quote", "add the quote"
        else:
            message, hint = f"unquoted key {_show(word)}", "put the key in double quotes"
        self._report(tok.start, end, "unquoted-key", message, f"{hint}: {quoted}")
        return self._key(frame, word, tok.start, end)

    def _key(self, frame: _Frame, key: str, start: int, end: int) -> int:
        if key in frame.value:
            self._report(
                start,
                end,
                "duplicate-key",
                f"duplicate key {_quote(key)} (the last one wins)",
                "remove or rename one of the two members",
                severity="warning",
            )
        frame.key, frame.key_span = key, (start, end)
        frame.comma, frame.state = None, _COLON
        return end

    def _object_colon(self, frame: _Frame, tok: _Tok) -> int:
        if tok.kind == ":":
            frame.state, frame.colon_end = _VALUE, tok.end
            return tok.end
        if tok.kind == ",":
            self._missing_value(frame)
            frame.state, frame.comma = _KEY, tok.start
            return tok.end
        if self._is_key(tok):
            self._missing_value(frame)
            frame.state = _KEY
            return tok.start
        if tok.kind == "word" and self.text.startswith("=>", tok.start):
            return self._ruby_arrow(frame, tok)
        if tok.kind == "word":
            junk_end = self._bare_key_end(tok)  # "key"junk: or "ke"y": (a quote in the key)
            if junk_end is not None:
                return self._stray(tok, junk_end)
        self._report(
            tok.start,
            tok.end,
            "missing-colon",
            f"missing ':' after key {_quote(frame.key)}",
            "add a colon between the key and its value",
        )
        frame.state, frame.colon_end = _VALUE, tok.start
        return tok.start

    def _ruby_arrow(self, frame: _Frame, tok: _Tok) -> int:
        """``{"a"=>1}``: a hash printed as Liquid prints it. Reported once per printed hash."""
        if not any(f.ruby for f in self.stack):
            self._report(
                tok.start,
                tok.start + 2,
                "ruby-hash",
                "a hash printed the Ruby way: '=>' is not JSON",
                "print the object as JSON with | as_json_string",
            )
        frame.ruby = True
        frame.state, frame.colon_end = _VALUE, tok.start + 2
        return tok.start + 2

    def _object_value(self, frame: _Frame, tok: _Tok) -> Optional[int]:
        if tok.kind == ",":
            self._empty_value(frame, tok)
            frame.state, frame.comma = _KEY, None  # reported: not a trailing comma too
            return tok.end
        if tok.kind == ":":
            return self._unexpected(tok, "unexpected ':'")
        if self._is_key(tok):
            self._empty_value(frame, tok)
            frame.state = _KEY
            return tok.start
        return self._value(tok)

    def _object_after(self, frame: _Frame, tok: _Tok) -> int:
        if tok.kind == ",":
            frame.state, frame.comma = _KEY, tok.start
            return tok.end
        if tok.kind == ":":
            return self._unexpected(tok, "unexpected ':' after a value")
        if tok.kind == "word" and self._bare_key_end(tok) is None:
            return self._stray(tok)
        self._missing_comma(tok)
        frame.state = _KEY
        return tok.start

    def _is_key(self, tok: _Tok) -> bool:
        return tok.kind == "str" and self._peek(tok.end).kind == ":"

    def _missing_value(self, frame: _Frame) -> None:
        start, end = frame.key_span
        self._report(
            start,
            end,
            "missing-value",
            f"key {_quote(frame.key)} has no value",
            "add ': value' after the key, or remove the key",
        )

    def _empty_value(self, frame: _Frame, tok: _Tok) -> None:
        """A value that rendered empty: point at the ',' '}' ']' on the line, or past the colon."""
        if tok.kind in (",", "}", "]") and self.text.find("\n", frame.colon_end, tok.start) < 0:
            start, end = tok.start, tok.end
        else:
            start, end = frame.colon_end, min(frame.colon_end + 1, self.n)
        label = "a value" if frame.key is None else f"value for {_quote(frame.key)}"
        self._report(start, end, "empty-value", f"missing {label}", _EMPTY_VALUE_HINT)

    # -- arrays -----------------------------------------------------------------------------

    def _in_array(self, frame: _Frame, tok: _Tok) -> Optional[int]:
        kind = tok.kind
        if kind == ":":
            self._unexpected(
                tok, "':' in an array", 'arrays hold values only: use {…} for "key": value pairs'
            )
            frame.state = _VALUE
            return tok.end
        if frame.state == _VALUE:
            if kind != ",":
                return self._value(tok)
            self._report(
                tok.start, tok.end, "empty-value", "missing value before ','", _EMPTY_VALUE_HINT
            )
            frame.comma = None  # reported: not a trailing comma too
            return tok.end
        if kind == ",":
            frame.state, frame.comma = _VALUE, tok.start
            return tok.end
        if kind == "word" and _classify(self.text[tok.start : tok.end]) == "word":
            return self._stray(tok)
        self._missing_comma(tok)
        frame.state = _VALUE
        return tok.start

    # -- closing ------------------------------------------------------------------------------

    def _close(self, frame: _Frame, tok: _Tok) -> int:
        if frame.kind != _OPENER_OF[tok.kind]:
            return self._close_wrong_kind(frame, tok)
        self._check_last_member(frame, tok)
        self._pop(tok.end)
        return tok.end

    def _close_wrong_kind(self, frame: _Frame, tok: _Tok) -> int:
        """A closing bracket that does not match ``frame``: read it as whichever of "the inner
        brackets were never closed", "a typo for the right one" or "an extra bracket" lets the
        next token fit.
        """
        following = self._peek(tok.end)
        opener = _OPENER_OF[tok.kind]
        depth = next((i for i, f in enumerate(reversed(self.stack), 1) if f.kind == opener), 0)
        typo_fits = self._fits_after(1, following)
        if not depth and not typo_fits:
            self._report(
                tok.start,
                tok.end,
                "unexpected-close",
                f"unexpected {_show(tok.kind)} inside an {_NAME_OF[frame.kind]}",
                "remove the extra bracket",
            )
            return tok.end
        self._check_last_member(frame, tok)
        if depth and (self._fits_after(depth, following) or not typo_fits):
            for _ in range(depth - 1):
                self._unclosed(self.stack[-1])
                self._pop(tok.start)
        else:
            self._report(
                tok.start,
                tok.end,
                "mismatched-bracket",
                f"{_show(tok.kind)} does not match the {_show(frame.kind)} it closes",
                f"replace it with {_show(_CLOSER_OF[frame.kind])}",
            )
        self._pop(tok.end)
        return tok.end

    def _fits_after(self, count: int, following: _Tok) -> bool:
        """Whether ``following`` may come once the innermost ``count`` containers are closed."""
        if count >= len(self.stack):
            return following.kind == "eof"
        outer = self.stack[-1 - count]
        return following.kind in (",", _CLOSER_OF[outer.kind])

    def _check_last_member(self, frame: _Frame, tok: _Tok) -> None:
        if frame.kind == "{" and frame.state == _VALUE:
            self._empty_value(frame, tok)
        elif frame.state == _COLON:
            self._missing_value(frame)
        elif frame.state != _AFTER and frame.comma is not None:
            self._report(
                frame.comma,
                frame.comma + 1,
                "trailing-comma",
                f"trailing comma before {_show(tok.kind)}",
                "remove the comma: JSON allows no comma before a closing bracket",
            )

    def _pop(self, end: int) -> None:
        frame = self.stack.pop()
        if frame.path is not None:
            self.values[frame.path] = (frame.start, end)

    def _unclosed(self, frame: _Frame) -> None:
        self._report(
            frame.start,
            frame.start + 1,
            "unclosed",
            f"{_show(frame.kind)} opened here is never closed",
            f"add the matching {_show(_CLOSER_OF[frame.kind])}",
        )

    def _close_all(self, report: bool) -> None:
        while self.stack:
            if report:
                self._unclosed(self.stack[-1])
            self._pop(self.n)

    # -- values -------------------------------------------------------------------------------

    def _value(self, tok: _Tok) -> Optional[int]:
        """Read the value starting at ``tok`` (a token that can start one)."""
        if tok.kind in ("{", "["):
            return self._open(tok)
        if tok.kind == "str":
            return self._string(tok)
        if tok.kind == "sq":
            return self._complete(self._single_quoted(tok), tok.start, tok.end)
        return self._word(tok)

    def _open(self, tok: _Tok) -> Optional[int]:
        if len(self.stack) >= MAX_DEPTH:
            self._report(
                tok.start,
                tok.end,
                "too-deep",
                f"nesting deeper than {MAX_DEPTH} levels",
                "flatten the data: the check stops here",
            )
            return None
        path = self._child_path()
        value: Any = {} if tok.kind == "{" else []
        self._attach(value, path)
        self.stack.append(_Frame(tok.kind, tok.start, value, path))
        return tok.end

    def _child_path(self) -> Optional[Path]:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.path is None:
            return None
        if frame.kind == "[":
            return (*frame.path, len(frame.value))
        return None if frame.key is None else (*frame.path, frame.key)

    def _attach(self, value: Any, path: Optional[Path]) -> None:
        if not self.stack:
            self.root, self.done = value, True
            return
        frame = self.stack[-1]
        if frame.kind == "[":
            frame.value.append(value)
        elif frame.key is not None:
            frame.value[frame.key] = value
            if path is not None:
                self.keys[path] = frame.key_span
        frame.state, frame.comma = _AFTER, None

    def _complete(self, value: Any, start: int, end: int) -> int:
        path = self._child_path()
        self._attach(value, path)
        if path is not None:
            self.values[path] = (start, end)
        return end

    def _string(self, tok: _Tok) -> int:
        value = self._string_value(tok)
        cut = self._cut_off_tail(tok) if tok.closed else None
        if cut is None:
            return self._complete(value, tok.start, tok.end)
        start, end = cut
        shown = _show(self.text[tok.start : tok.end])
        self._report(
            start,
            end,
            "unescaped-quote",
            f"text after the string {shown}: a quote inside the value ended it early",
            "escape the value with | json_escape",
        )
        return self._complete(self.text[tok.start + 1 : end - 1], tok.start, end)

    def _cut_off_tail(self, tok: _Tok) -> Optional[Span]:
        """The rest of a value that an unescaped quote cut off after ``tok``, if it looks so.

        That is text on the same line, up to another quote, with no JSON punctuation before
        that quote. A string right after it is a missing comma when it is a key or in an array.
        """
        text = self.text
        start = _LINE_SPACE.match(text, tok.end).end()  # type: ignore[union-attr]
        if start >= self.n or text[start] in ",}]:\n{[" or text.startswith(("//", "/*"), start):
            return None
        if not _QUOTE_AHEAD.match(text, start):
            return None
        if text[start] == '"':
            in_object = bool(self.stack) and self.stack[-1].kind == "{"
            if not in_object or self._is_key(self._token(start)):
                return None
        return start, self._tail_end(start)

    def _tail_end(self, start: int) -> int:
        """End of the first quote on the line that is followed by ',' '}' ']' or the line end."""
        text = self.text
        line_end = self._line_end(start)
        end = start
        quote = text.find('"', start, line_end)
        while quote >= 0:
            end = quote + 1
            after = _LINE_SPACE.match(text, end).end()  # type: ignore[union-attr]
            if after >= line_end or text[after] in ",}]":
                break
            quote = text.find('"', end, line_end)
        return end

    def _string_value(self, tok: _Tok) -> str:
        """The decoded string, reporting (once per string) what makes it invalid."""
        if not tok.closed:
            self._report(
                tok.start,
                tok.end,
                "unterminated-string",
                f"unterminated string {_clip(self.text[tok.start : tok.end])}",
                "add the closing quote; for values with quotes or line breaks use | json_escape",
            )
            self.unterminated_end = tok.end
            return _unescape(self.text[tok.start + 1 : tok.end])[0]
        try:
            return scan_string(self.text, tok.start + 1, True)[0]
        except ValueError:
            return self._invalid_string(tok)

    def _invalid_string(self, tok: _Tok) -> str:
        body_start = tok.start + 1
        body = self.text[body_start : tok.end - 1]
        shown = _show(self.text[tok.start : tok.end])
        control = _CONTROL.search(body)
        if control:
            char = control.group()
            name = "line break" if char in "\n\r" else f"control character U+{ord(char):04X}"
            self._report(
                body_start + control.start(),
                body_start + control.end(),
                "control-character",
                f"{name} inside the string {shown}",
                "the value contains a line break or control character: use | json_escape",
            )
        value, bad = _unescape(body)
        if bad:
            self._report(
                body_start + bad[0],
                body_start + bad[1],
                "invalid-escape",
                f"invalid escape '{body[bad[0] : bad[1]]}' in the string {shown}",
                r"write a backslash as \\ (or use | json_escape)",
            )
        return value

    def _single_quoted(self, tok: _Tok) -> str:
        raw = self.text[tok.start : tok.end]
        content = raw[1:-1]
        self._report(
            tok.start,
            tok.end,
            "single-quotes",
            f"single-quoted string {_clip(raw)}",
            f"use double quotes: {json.dumps(content, ensure_ascii=False)}",
        )
        return content

    def _word(self, tok: _Tok) -> int:
        """A number, literal or bare word where a value belongs."""
        word = self.text[tok.start : tok.end]
        kind = _classify(word)
        if kind == "word":
            if word == "nil" and any(frame.ruby for frame in self.stack):
                return self._complete(None, tok.start, tok.end)  # reported with the '=>'
            return self._stray(tok) if self._bracket_follows(tok.end) else self._unquoted(tok)
        if self._runs_on(tok, kind):
            return self._unquoted(tok)
        if kind == "literal":
            return self._complete(_LITERALS[word], tok.start, tok.end)
        if kind == "bad-number":
            return self._invalid_number(tok.start, tok.end, _number_hint(word))
        grouped_end = self._thousands_end(tok)
        if grouped_end is None:
            return self._complete(_to_number(word), tok.start, tok.end)
        return self._invalid_number(
            tok.start, grouped_end, "remove the thousands separators: JSON numbers have none"
        )

    def _thousands_end(self, tok: _Tok) -> Optional[int]:
        """End of ``1,299.00`` (a formatted number) in an object; in an array it is two numbers."""
        if not self.stack or self.stack[-1].kind != "{":
            return None
        grouped = _THOUSANDS.match(self.text, tok.start)
        return grouped.end() if grouped and grouped.end() > tok.end else None

    def _invalid_number(self, start: int, end: int, hint: str) -> int:
        raw = self.text[start:end]
        self._report(start, end, "invalid-number", f"invalid number {_show(raw)}", hint)
        return self._complete(_lenient_number(raw.replace(",", "")), start, end)

    def _bracket_follows(self, end: int) -> bool:
        pos = _LINE_SPACE.match(self.text, end).end()  # type: ignore[union-attr]
        return self.text.startswith(("{", "["), pos)

    def _runs_on(self, tok: _Tok, kind: str) -> bool:
        """Whether bare text continues a number or literal on its line (``1.99 USD``).

        In an object nothing but a comma may follow a value, so ``555 1234`` is one value;
        in an array ``[1 2]`` is two values with a missing comma.
        """
        if not self.stack:
            return False
        text = self.text
        if text.startswith('"', tok.end):  # 56544": the opening quote is missing
            return True
        pos = _LINE_SPACE.match(text, tok.end).end()  # type: ignore[union-attr]
        if pos >= self.n or text[pos] in ',}]\n"{[' or text.startswith(("//", "/*"), pos):
            return False
        if self.stack[-1].kind == "{":  # 12:00 or 555 1234
            return True
        if text[pos] == ":":
            return False
        if kind == "bad-number":
            return True
        after = self._token(pos)
        return _classify(text[after.start : after.end]) in ("word", "bad-number")

    def _unquoted(self, tok: _Tok) -> int:
        end = self._trim(tok.start, _UNQUOTED.match(self.text, tok.start).end())  # type: ignore[union-attr]
        raw = self.text[tok.start : end]
        frame = self.stack[-1] if self.stack else None
        key = frame.key if frame is not None and frame.kind == "{" else None
        owner = "" if key is None else f" for {_quote(key)}"
        message = f"unquoted value {_show(raw)}{owner}"
        if raw in _MISCASED_LITERALS:
            value = _MISCASED_LITERALS[raw]
            hint = f"JSON spells it {json.dumps(value)}"
        elif raw.endswith('"') and raw.count('"') == 1:
            value = raw[:-1]
            message = f"value {_show(value)}{owner} is missing its opening quote"
            hint = f"add the quote: {json.dumps(value, ensure_ascii=False)}"
        else:
            value, hint = raw, _QUOTE_IT_HINT
        self._report(tok.start, end, "unquoted-value", message, hint)
        return self._complete(value, tok.start, end)

    # -- recovery helpers -------------------------------------------------------------------

    def _stray(self, tok: _Tok, end: Optional[int] = None) -> int:
        """Report text that is not JSON, up to ``end`` or the end of its run on the line."""
        if end is None:
            run_end = _STRAY.match(self.text, tok.start).end()  # type: ignore[union-attr]
            end = self._trim(tok.start, run_end)
        raw = self.text[tok.start : end]
        self._report(
            tok.start,
            end,
            "stray-text",
            f"unexpected text {_show(raw)}: it is not JSON",
            "remove it, or quote it if it is a value",
        )
        return end

    def _missing_comma(self, tok: _Tok) -> None:
        # An unterminated string swallowed its line, comma included: not a second mistake.
        if self.unterminated_end >= 0 and self._peek(self.unterminated_end).start == tok.start:
            return
        raw = self.text[tok.start : tok.end]
        self._report(
            tok.start,
            tok.end,
            "missing-comma",
            f"missing comma before {_show(raw)}",
            "add a comma after the previous value",
        )

    def _unexpected(self, tok: _Tok, message: str, hint: str = "remove it") -> int:
        self._report(tok.start, tok.end, "unexpected-token", message, hint)
        return tok.end

    def _report(
        self,
        start: int,
        end: int,
        kind: str,
        message: str,
        hint: Optional[str],
        severity: str = "error",
    ) -> None:
        self.problems.append(JsonProblem(start, end, kind, message, hint, severity))


# -- text helpers -------------------------------------------------------------------------------


def _classify(word: str) -> str:
    """``number``, ``literal``, ``bad-number`` (number-like but not JSON) or ``word``."""
    if word in _LITERALS:
        return "literal"
    if _NUMBER.fullmatch(word):
        return "number"
    if word[0] in "-+.0123456789" or word in ("NaN", "Infinity"):
        return "bad-number"
    return "word"


def _to_number(word: str) -> Union[int, float]:
    match = _NUMBER.fullmatch(word)
    if match and (match.group(1) or match.group(2)):
        return float(word)
    try:
        return int(word)
    except ValueError:  # more digits than int() converts
        return float(word)


def _lenient_number(word: str) -> Any:
    """What a number-like word most likely meant (``01`` is 1), else the word itself."""
    for convert in (int, float):
        try:
            return convert(word)
        except ValueError:
            pass
    return word


def _number_hint(word: str) -> str:
    digits = word.lstrip("-")
    if digits in ("NaN", "Infinity"):
        return "NaN and Infinity are not JSON: use null or a string"
    if word.startswith("+"):
        return "remove the '+': JSON numbers have no plus sign"
    if re.match(r"0[xX]", digits):
        return "JSON has no hex numbers: write it in decimal, or quote it"
    if re.match(r"0[0-9]", digits):
        return "JSON numbers have no leading zeros: remove them, or quote the value (ids, zips)"
    if digits.startswith("."):
        return "add a 0 before the decimal point"
    if re.search(r"\.(?![0-9])", digits):
        return "add a digit after the decimal point"
    if re.search(r"[eE][-+]?$", digits):
        return "add digits to the exponent"
    return _QUOTE_IT_HINT


def _unescape(body: str) -> tuple[str, Optional[Span]]:
    """Decode escapes leniently; also the span (in ``body``) of the first invalid one."""
    if "\\" not in body:
        return body, None
    bad: list[Span] = []

    def decode(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[escape]
        if len(escape) == 5:
            return chr(int(escape[1:], 16))
        bad.append(match.span())
        return match.group()

    return _ESCAPE.sub(decode, body), (bad[0] if bad else None)


def _quote(key: Optional[str]) -> str:
    return "the key" if key is None else _show(json.dumps(key, ensure_ascii=False))


def _show(raw: str) -> str:
    """``raw`` quoted for a message: punctuation in '…', other text in "…", shortened."""
    if len(raw) == 1 and raw in "{}[]:,":
        return f"'{raw}'"
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]
    return f'"{_clip(raw)}"'


def _clip(raw: str, limit: int = 48) -> str:
    """``raw`` with invisible characters escaped, cut to ``limit`` characters."""
    raw = raw[: limit + 1]
    if not raw.isprintable():
        raw = "".join(char if char.isprintable() else json.dumps(char)[1:-1] for char in raw)
    return raw if len(raw) <= limit else raw[: limit - 1] + "…"
