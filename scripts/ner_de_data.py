"""Readers for the German NER corpora of ``../shared/data/ner``, all mapped to IOB2 over PER/ORG/LOC.

Used by ``train_ner_de.py`` (training data, UNER de_pud evaluation) and ``build_first_names.py``. Every
source's conventions are aligned here: GermEval's OTH and *part/*deriv tags, WikiANN's list lines,
Europeana's malformed tags and titles inside person spans, and the UD tokenisation of hyphenated
compounds that UNER uses.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LABELS", "MISSING", "TITLES", "WINDOW", "Sentence", "is_clean_running_text", "map_germeval",
    "normalise_tag", "read_blocks", "read_europeana", "read_germeval", "read_germeval_raw", "read_uner",
    "read_wikiann", "repair_iob", "spaces_for", "split_hyphens", "strip_leading_titles",
]

LABELS = ("PER", "ORG", "LOC")
WINDOW = 40  # Europeana has no sentence breaks: cut the token stream into windows of this size
MISSING = None  # a token whose gold label is unknown (GermEval OTH): neither entity nor O

# Titles that Europeana puts inside PER spans ("Graf Name", "Gräfin Name") but GermEval and UNER leave
# outside ("Präsident Name"): they are cut off the front of Europeana person spans. General language.
TITLES = frozenset(
    """
    Dr Prof Professor Herr Herrn Frau Fräulein Mr Mrs Ms Miss Mister Madame Monsieur Mademoiselle Sir Dame
    Lord Lady King Queen Prince Princess Prinz Prinzessin König Königin Kaiser Kaiserin Zar Papst Pope
    Saint St Sankt San Santa Graf Gräfin Fürst Fürstin Herzog Herzogin Freiherr Freifrau Baron Baronin
    Ritter Earl Duke Duchess Count Countess Marquis Sultan Emir Scheich Sheikh Kalif Khan Rabbi Imam
    Pater Father Bruder Brother Schwester Sister Mutter Mother Kardinal Cardinal Bischof Bishop Erzbischof
    Archbishop Reverend Rev Pastor Pfarrer Abt General Oberst Colonel Major Captain Kapitän
    Leutnant Lieutenant Admiral Sergeant Präsident President Kanzler Chancellor Minister Senator Governor
    Gouverneur Bürgermeister Mayor Richter Judge Doktor Doctor Magister Ing Dipl
    Onkel Uncle Tante Aunt Kommissar Inspektor Inspector Exzellenz Majestät Hoheit Komtesse Komtessen
    Grafen Herzogs Königs Kaisers Prinzen Fürsten Papstes Freiherrn Barons Heilige Heiligen Hl
    Emperor Empress Erzherzog Erzherzogin Marschall Feldmarschall Markgraf Landgraf Kurfürst Kurfürstin
    """.split()
)
_PUNCT_IN_SPAN = frozenset("(),;:")

# Europeana SBB has tags like "I_ORG", "B.PER", "B-PEr"; anything not PER/ORG/LOC becomes O
_RAW_TAG = re.compile(r"^([BI])[-_.]([A-Za-z]+)$")
_NO_SPACE_BEFORE = set(".,;:!?)]}%“‘\"'") | {"...", "''", "n't"}
_NO_SPACE_AFTER = set("([{„‚“")


@dataclass(frozen=True)
class Sentence:
    """Tokens plus IOB2 tags over LABELS; a tag of None means 'label unknown' (missing)."""

    words: tuple[str, ...]
    tags: tuple[str | None, ...]


# ---------------------------------------------------------------- tag hygiene


def normalise_tag(raw: str, keep: Sequence[str] = LABELS) -> str:
    """'B-PEr' -> 'B-PER', 'I_ORG' -> 'I-ORG'; unknown or derived types ('LOCderiv', 'OTH') -> 'O'."""
    match = _RAW_TAG.match(raw.strip())
    if not match:
        return "O"
    prefix, kind = match.group(1), match.group(2).upper()
    return f"{prefix}-{kind}" if kind in keep else "O"


def repair_iob(tags: Sequence[str | None]) -> tuple[str | None, ...]:
    """Turn IOB1-style starts (I-X after O or after another type) into B-X, so spans are IOB2."""
    fixed: list[str | None] = []
    prev = "O"
    for tag in tags:
        if tag is not None and tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag if tag is not None else "O"
    return tuple(fixed)


def spaces_for(words: Sequence[str]) -> list[bool]:
    """Plausible whitespace for pre-tokenised text (the corpora carry none), so doc.text reads naturally."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        space = nxt is not None and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER
        spaces.append(space)
    return spaces


# ---------------------------------------------------------------- readers


def read_blocks(path: Path) -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of tab/space separated rows; '#' comment lines skipped."""
    block: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if block:
                    yield block
                block = []
            elif not line.startswith("#"):
                block.append(line.split("\t") if "\t" in line else line.split())
    if block:
        yield block


def read_germeval(path: Path, oth: str = "missing") -> Iterator[Sentence]:
    """GermEval 2014 outer column; see read_germeval_raw for the OTH and *part handling."""
    for words, raw in read_germeval_raw(path):
        yield Sentence(words, map_germeval(raw, oth))


def read_germeval_raw(path: Path) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """GermEval 2014: tokens and the raw outer-column tags (PER, ORGpart, LOCderiv, OTH...)."""
    for block in read_blocks(path):
        yield tuple(row[1] for row in block), tuple(row[2] for row in block)


def map_germeval(raw: Sequence[str], oth: str = "missing") -> tuple[str | None, ...]:
    """Map raw GermEval tags to IOB2 over LABELS.

    Plain OTH (titles, events, products) is marked missing (neither entity nor O) or made O (`oth="o"`:
    UNER, like this model, has no MISC class, so there such a name is O). *deriv and *part are O: they
    are adjectives ("deutsche") and compounds ("EU-Kommissar") that hold a name but are none.
    """
    other = MISSING if oth == "missing" else "O"
    return repair_iob([other if tag in ("B-OTH", "I-OTH") else normalise_tag(tag) for tag in raw])


_HYPHEN_PARTS = re.compile(r"(?<=[^\W_])-(?=[^\W_])")


def split_hyphens(words: Sequence[str], raw: Sequence[str], oth: str = "missing") -> Sentence:
    """The UD/UNER tokenisation of a GermEval sentence: 'Musterpartei-Politiker' -> 'Musterpartei - Politiker'.

    GermEval keeps a hyphenated compound as one token, UD (and so UNER) splits it, and in UD the name
    inside the compound is then an entity of its own: GermEval's B-ORGpart 'Musterpartei-Politiker'
    becomes B-ORG 'Musterpartei', O '-', O 'Politiker'. The name is what stands before the last hyphen
    ('Alpha-Beta-Werk'), or after the first one when the compound starts lower-case ('pseudo-XYZ').
    A whole-entity token ('Landes-Behörde' ORG) keeps its label over all pieces.
    """
    out_words: list[str] = []
    out_raw: list[str] = []
    for word, tag in zip(words, raw):
        pieces = _HYPHEN_PARTS.split(word)
        if len(pieces) == 1:
            out_words.append(word)
            out_raw.append(tag)
            continue
        split = [x for piece in pieces for x in (piece, "-")][:-1]
        kind = tag[2:]
        if kind.endswith("part") and kind[:-4] in LABELS and tag.startswith("B-"):
            lower_first = pieces[0][:1].islower()
            name = range(len(split) - 1, len(split)) if lower_first else range(0, len(split) - 2)
            tags = ["O"] * len(split)
            for n, i in enumerate(name):
                tags[i] = ("B-" if n == 0 else "I-") + kind[:-4]
        elif tag.startswith(("B-", "I-")) and kind in LABELS + ("OTH",):
            tags = [tag] + ["I-" + kind] * (len(split) - 1)
        else:
            tags = ["O" if tag.startswith(("B-", "I-")) else tag] * len(split)
        out_words += split
        out_raw += tags
    return Sentence(tuple(out_words), map_germeval(out_raw, oth))


def read_wikiann(path: Path) -> Iterator[Sentence]:
    """WikiANN: 'de:token<TAB>TAG' rows."""
    for block in read_blocks(path):
        words = tuple(row[0].split(":", 1)[1] if ":" in row[0] else row[0] for row in block)
        tags = [normalise_tag(row[-1]) for row in block]
        yield Sentence(words, repair_iob(tags))


def is_clean_running_text(sentence: Sentence) -> bool:
    """Keep WikiANN sentences that read like prose and whose spans carry no title residue.

    Most WikiANN lines are list items or redirects ("WEITERLEITUNG Name ( Boxer )") that are all
    entity; they teach a model to tag every capitalised fragment and to swallow brackets and commas.
    """
    words, tags = sentence.words, sentence.tags
    prose = len(words) >= 8 and sum(w[:1].islower() for w in words) >= 3 and words[-1] in (".", "!", "?")
    clean = not any(t is not None and t.startswith("I-") and w in _PUNCT_IN_SPAN for w, t in zip(words, tags))
    return prose and words[0][:1].isalnum() and clean


def read_uner(path: Path) -> Iterator[Sentence]:
    """UNER CoNLL-U-like: 'idx<TAB>token<TAB>TAG<TAB>-<TAB>annotator'."""
    for block in read_blocks(path):
        words = tuple(row[1] for row in block)
        tags = [normalise_tag(row[2]) for row in block]
        yield Sentence(words, repair_iob(tags))


def _europeana_rows(path: Path) -> Iterator[tuple[str, str] | None]:
    """(token, tag) rows of one Europeana stream; None marks a document break ('# file:' header)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            fields = line.split()
            if not fields:
                continue
            if fields[0] == "#":
                yield None
                continue
            # malformed rows: a bare token (no tag) or several tokens before one tag
            tag = fields[-1] if len(fields) > 1 else "O"
            tokens = fields[:-1] if len(fields) > 1 else fields
            norm = normalise_tag(tag)
            for i, token in enumerate(tokens):
                yield token, (norm if i == 0 or norm == "O" else "I-" + norm[2:])


def strip_leading_titles(sentence: Sentence) -> Sentence:
    """'B-PER Graf / I-PER Anton / I-PER Muster' -> 'O Graf / B-PER Anton / I-PER Muster' (GermEval convention)."""
    tags = list(sentence.tags)
    for i, word in enumerate(sentence.words):
        at_start = tags[i] == "B-PER"
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        if at_start and word.rstrip(".") in TITLES and nxt == "I-PER":
            tags[i], tags[i + 1] = "O", "B-PER"
    return Sentence(sentence.words, tuple(tags))


def read_europeana(path: Path, window: int = WINDOW) -> Iterator[Sentence]:
    """Europeana windows with the person-span convention aligned to GermEval (titles outside)."""
    for sentence in _europeana_windows(path, window):
        yield strip_leading_titles(sentence)


def _europeana_windows(path: Path, window: int) -> Iterator[Sentence]:
    """Europeana: cut the stream at sentence ends or after ~window tokens, never inside an entity."""
    words: list[str] = []
    tags: list[str] = []
    for row in _europeana_rows(path):
        next_tag = row[1] if row else "O"
        boundary = row is None or (len(words) >= window and not next_tag.startswith("I-"))
        if boundary and words:
            yield Sentence(tuple(words), repair_iob(tags))
            words, tags = [], []
        if row is not None:
            words.append(row[0])
            tags.append(row[1])
            if row[0] in (".", "!", "?") and len(words) >= window // 4:
                yield Sentence(tuple(words), repair_iob(tags))
                words, tags = [], []
    if words:
        yield Sentence(tuple(words), repair_iob(tags))

