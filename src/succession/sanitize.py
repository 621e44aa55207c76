"""Making untrusted strings safe to carry: in stored text, in XML, on a terminal, in a one-line message.

Article text may hold anything a file can: NUL bytes, escape sequences, lone surrogates (from JSON
``"\\ud800"`` or a file name that is not UTF-8), tokens a megabyte long. The readers clean text once,
before any offset is taken (so every offset refers to the cleaned text); names and reasons are escaped
whenever they are shown, so a file name cannot move the cursor or fake a "skipped" line.
"""
from __future__ import annotations

import re

__all__ = ["MAX_TOKEN_CHARS", "clean_text", "first_surrogate", "has_controls", "printable", "xml_safe"]

MAX_TOKEN_CHARS = 300  # longer runs without white space are cut: no word, name or URL a reader needs is longer

# C0 controls except tab and newline, DEL and the C1 controls: never part of an article
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# what a terminal or a one-line message must not see raw: every control, surrogates, bidi overrides
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LONG_TOKEN = re.compile(r"\S{%d,}" % (MAX_TOKEN_CHARS + 1))
# characters XML 1.0 cannot carry at all, even escaped
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> tuple[str, int]:
    """The text with control characters turned into spaces and tokens over ``MAX_TOKEN_CHARS`` cut there;
    also how many tokens were cut. Line structure is kept (a form feed or vertical tab becomes a space)."""
    text = _CONTROLS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    cut = 0

    def _cut(m: re.Match[str]) -> str:
        nonlocal cut
        cut += 1
        return m.group()[:MAX_TOKEN_CHARS]

    return _LONG_TOKEN.sub(_cut, text), cut


def first_surrogate(text: str) -> int | None:
    """Position of the first lone surrogate (text that cannot be written as UTF-8), or None."""
    m = _SURROGATE.search(text)
    return m.start() if m else None


def has_controls(text: str) -> bool:
    """Whether a name holds characters that must never reach a terminal raw."""
    return _UNPRINTABLE.search(text) is not None


def printable(text: str) -> str:
    r"""``text`` with every control, surrogate and bidi override as a visible escape (``\x1b``, ``\udcff``):
    safe on a terminal and in a one-line message."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (NUL, most C0 controls, lone surrogates)."""
    return _NOT_XML.sub("\ufffd", text)
