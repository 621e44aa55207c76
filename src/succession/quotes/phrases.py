"""The shape of a unit around a would-be speaker: runs of capitalised words (a name with its title, a
noun with its compound parts: "Außenminister José Ramos-Horta") and clauses (stretches between commas,
colons, dashes, brackets and quotation marks).

A speaker is the subject of its cue far more often than any other noun near it, and German writes every
noun with a capital, so the speaker ranker needs more than distance: where the word's phrase sits in its
clause, what comes right before and after the phrase ("sagte der Sprecher" / "sagte der Zeitung"), whether
it is in the cue's clause. Computed once per unit, from the token offsets and the characters between them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .marks import CLOSERS, OPENERS
from .units import Cues, Unit, bucket, cues, lex, plural_pronoun

__all__ = ["Layout", "layout", "opening_tokens", "speaker_features"]

_CLAUSE_BREAKS = frozenset(",;:()[]–—") | OPENERS | CLOSERS


@dataclass(frozen=True, slots=True)
class Layout:
    """Per token of a unit: the first and last token of its capitalised run (itself when lower case),
    and the index of its clause."""

    run_start: tuple[int, ...]
    run_end: tuple[int, ...]
    clause: tuple[int, ...]
    clause_start: tuple[int, ...]  # per token: the first token of its clause


def layout(text: str, u: Unit, lang: str = "") -> Layout:
    cached = u.__dict__.get("_layout")
    if cached is not None:
        return cached
    toks = u.tokens
    n = len(toks)
    gaps = [text[toks[i - 1].end:toks[i].start] if i else "" for i in range(n)]  # the characters before token i
    breaks = [bool(i) and any(ch in _CLAUSE_BREAKS for ch in gaps[i]) for i in range(n)]
    caps = [t.text[:1].isupper() and not lemma_is_lower(t.text, lang) for t in toks]  # not "Bezüglich"
    run_start, clause, clause_start = [0] * n, [0] * n, [0] * n
    for i in range(n):
        joined = i and caps[i] and caps[i - 1] and gaps[i].strip() == ""
        run_start[i] = run_start[i - 1] if joined else i
        clause[i] = clause[i - 1] + breaks[i] if i else 0
        clause_start[i] = i if (not i or breaks[i]) else clause_start[i - 1]
    run_end = [0] * n
    for i in reversed(range(n)):
        joined = i + 1 < n and caps[i] and caps[i + 1] and gaps[i + 1].strip() == ""
        run_end[i] = run_end[i + 1] if joined else i
    out = Layout(tuple(run_start), tuple(run_end), tuple(clause), tuple(clause_start))
    object.__setattr__(u, "_layout", out)
    return out


def _after_according(text: str, u: Unit, k: int, c: Cues) -> str | None:
    """"after_according" when token ``k`` follows an "according to" phrase directly, "after_according_np"
    when only lower-case words of its phrase stand between ("laut einem Augenzeugen", "nach Angaben des
    Sprechers", "according to the company's spokesman")."""
    toks = u.tokens
    j = k
    for skipped in range(3):
        before = " ".join(x.lower for x in toks[max(0, j - 3):j])
        prev = toks[j - 1].lower if j else ""
        if (not skipped and prev in c.according_after) or any(m.end() == len(before)
                                                                for m in c.according_before.finditer(before)):
            return "after_according" if not skipped else "after_according_np"
        if not j or toks[j - 1].text[:1].isupper() or prev in c.speech or prev in c.prepositions:
            return None
        j -= 1
    return None


def speaker_features(text: str, u: Unit, k: int, quote: Sequence[tuple[int, int]], cue_index: int | None, c: Cues,
                     person_starts: frozenset[int], org_starts: frozenset[int], first_names: frozenset[str]
                     ) -> list[str]:
    """What makes token ``k`` of unit ``u`` the speaker of the quotation with parts ``quote``."""
    toks = u.tokens
    t = toks[k]
    prev = toks[k - 1].lower if k > 0 else "^"
    nxt = toks[k + 1].lower if k + 1 < len(toks) else "$"
    prev_lex = lex(toks[k - 1], c) if k > 0 else "^"
    f = ["bias", f"tok:{lex(t, c)}", f"prev:{prev_lex}", f"next:{lex(toks[k + 1], c) if k + 1 < len(toks) else '$'}",
         "k" + bucket(k, (0, 1, 2, 3, 5, 8))]
    if k > 1:
        f.append(f"prev2:{lex(toks[k - 2], c)}")
    if prev in c.speech:
        f.append("after_speech")
    if nxt in c.speech:
        f.append("before_speech")
    if k + 2 < len(toks) and toks[k + 2].lower in c.speech:
        f.append("before_speech2")
    if nxt in c.according_after:
        f.append("before_according")
    according = _after_according(text, u, k, c)
    if according:
        f.append(according)
        if cue_index is not None and toks[cue_index].lower in c.speech:
            f.append("according_and_speech")  # "Laut der Agentur sagte der Minister": the minister speaks
    if t.lower in c.org_heads:
        f.append("org_head")
    if t.lower in c.speaker_nouns:
        f.append("speaker_noun")
    elif t.text[:1].isupper() and t.lower.endswith(c.source_endings):
        f.append("source_compound")  # "nach Polizeiangaben": the compound names the source
    elif c.capitalises_nouns and t.text[:1].isupper() and _speaker_compound(t.lower, c.lang):
        f.append("speaker_compound")  # "Regierungssprecher", "Gesundheitsbehörde": a speaker noun's compound
    if t.lower in c.pronouns:
        f.append("pronoun")
        if plural_pronoun(u, k, c):
            f.append("pronoun_plural")  # "Sie forderten": a group, not the woman named before
    if len(t.lower) > 4:
        f.append(f"suf:{t.lower[-3:]}")
    pp = next((x.lower for x in reversed(toks[max(0, k - 3):k]) if x.lower in c.prepositions), None)
    if pp is not None:
        f += ["in_pp", f"pp:{pp}"]
        if pp in c.agent_prepositions and any(x.lower in c.passive_auxiliaries for x in toks):
            f.append("passive_agent")  # "wurde von der Opposition kritisiert": the agent speaks
    cap = t.text[:1].isupper()
    if cap:
        f.append("cap" if k else "cap_first")
        if not any(x.text[:1].isupper() for x in toks[1:k]):
            f.append("first_cap")
    if t.start in person_starts:
        f.append("person")
    if t.start in org_starts:
        f.append("org")
    if t.text in first_names:
        f.append("first_name")
    if any(a <= t.start < b for a, b in quote):
        f.append("in_quote")
    f.append("side:before" if t.end <= quote[0][0] else "side:after")
    if k == cue_index:
        f.append("is_cue")
    if cue_index is None:  # no cue in the unit: its words are mostly the quotation's, not its speaker's
        f += ["nocue"] + [f"nocue_{x}" for x in f if x in ("pronoun", "cap", "cap_first", "first_cap", "person",
                                                           "in_quote", "in_pp", "org")]
    else:
        d = k - cue_index
        f.append("dcue:" + ("-" if d < 0 else "+") + bucket(abs(d), (1, 2, 3, 5, 8)))
        kind = "pron" if t.lower in c.pronouns else "person" if t.start in person_starts else "cap" if cap else "low"
        f.append(f"{kind}_dcue:" + ("-" if d < 0 else "+") + bucket(abs(d), (1, 2, 3, 5, 8)))
    if cap or t.lower in c.pronouns:
        f.append(f"cap_prev:{prev_lex}")
    f += _phrase_features(text, u, k, cue_index, c, person_starts)
    if cap and lemma_is_lower(t.text, c.lang):
        f.append("lemma_lower" if k else "lemma_lower_first")
    return f


@lru_cache(maxsize=1 << 14)
def _speaker_compound(word: str, lang: str) -> bool:
    """Whether a word ends in one of the language's speaker nouns of five letters or more, after a
    stem of three or more ("Polizeisprecher", "Landesregierung")."""
    return any(len(n) >= 5 and len(word) >= len(n) + 3 and word.endswith(n) for n in cues(lang).speaker_nouns)


def _first_run(u: Unit, c: Cues) -> int:
    """The first token of the unit's first capitalised run that is a noun or a name."""
    return next((i for i, t in enumerate(u.tokens) if t.text[:1].isupper() and not lemma_is_lower(t.text, c.lang)
                 and t.lower not in c.pronouns), -1)


def opening_tokens(text: str, u: Unit, c: Cues) -> frozenset[int]:
    """The tokens of the unit's first noun phrase or name (its subject, mostly)."""
    first = _first_run(u, c)
    if first < 0:
        return frozenset()
    starts = layout(text, u, c.lang).run_start
    return frozenset(k for k in range(first, len(starts)) if starts[k] == first)


def _vorfeld(text: str, u: Unit, c: Cues, person_starts: frozenset[int]) -> str:
    """What opens the unit, before its verb: a quotation, a pronoun, a prepositional phrase, a noun
    phrase (a name, or a noun with at most two small words before it), or something else."""
    toks = u.tokens
    if not toks:
        return "none"
    if text[u.start:toks[0].start].strip()[:1] in OPENERS:
        return "quote"
    t = toks[0]
    if t.lower in c.pronouns:
        return "pron"
    if t.lower in c.prepositions:
        return "pp"
    first = _first_run(u, c)
    if first == 0 or 0 < first <= 2 and all(x.lower not in c.speech for x in toks[:first]):
        return "person" if toks[first].start in person_starts else "np"
    return "other"


def _reported_subject_run(u: Unit, a: int, b: int, lay: Layout, c: Cues) -> str | None:
    """"stmt_subject" when the run ``a``..``b`` opens its clause and the clause's next verb form after it
    is a Konjunktiv or a modal of hearsay ("Die Betreiber des Netzes hätten ...", "Die Täter sollen ..."),
    "stmt_subject_inv" when it follows such a form with at most two small words between ("sei die Lage",
    "hätten die Prüfer"; not after a preposition: "sei nach Angaben der Gutachter" names the source)."""
    toks = u.tokens
    marks = _statement_verbs(c)
    clause = lay.clause[a]
    first = lay.clause_start[a]
    if not any(toks[x].text[:1].isupper() and not lemma_is_lower(toks[x].text, c.lang) for x in range(first, a)) \
            and not any(toks[x].lower in c.speech or toks[x].lower in c.reported for x in range(first, a)):
        for j in range(b + 1, len(toks)):
            if lay.clause[j] != clause or toks[j].lower in c.speech or toks[j].lower in c.complementisers:
                break
            if toks[j].lower in marks:
                return "stmt_subject"
    j = a
    while j > 0 and j > a - 3 and lay.clause[j - 1] == clause and not toks[j - 1].text[:1].isupper() \
            and toks[j - 1].lower not in marks and toks[j - 1].lower not in c.prepositions \
            and toks[j - 1].lower not in c.according_after:
        j -= 1
    if j > 0 and lay.clause[j - 1] == clause and toks[j - 1].lower in marks:
        return "stmt_subject_inv"
    return None


def _statement_verbs(c: Cues) -> frozenset[str]:
    """The verb forms that mark a reported statement: the Konjunktiv forms, and the language's modal verbs
    of hearsay ("soll", "sollen"; language data read only here, so the unit model does not change)."""
    out = _STATEMENT_VERBS.get(c.lang)
    if out is None:  # built once per language: the features ask for every candidate
        out = _STATEMENT_VERBS[c.lang] = c.reported | _hearsay(c.lang)
    return out


_STATEMENT_VERBS: dict[str, frozenset[str]] = {}


@lru_cache(maxsize=None)
def _hearsay(lang: str) -> frozenset[str]:
    from ..lang import get_language

    return frozenset(w.casefold() for w in getattr(get_language(lang).quotes, "HEARSAY_FORMS", ())) if lang \
        else frozenset()


@lru_cache(maxsize=1 << 15)
def lemma_is_lower(word: str, lang: str) -> bool:
    """Whether a capitalised word is capitalised only by its place ("Zunächst", "Egal", "Diese"): its
    dictionary form is written in lower case, as no noun's and hardly any name's is."""
    import simplemma

    return bool(lang) and simplemma.lemmatize(word, lang=lang)[:1].islower()


def _phrase_features(text: str, u: Unit, k: int, cue_index: int | None, c: Cues, person_starts: frozenset[int]
                     ) -> list[str]:
    """Where the word's capitalised run sits: its neighbours, its clause, the cue's clause."""
    toks = u.tokens
    lay = layout(text, u, c.lang)
    a, b = lay.run_start[k], lay.run_end[k]
    f = ["run_last" if k == b else "run_inner", "run_len" + bucket(b - a + 1, (1, 2, 3))]
    before = toks[a - 1] if a else None
    after = toks[b + 1] if b + 1 < len(toks) else None
    before_lex = lex(before, c) if before is not None and lay.clause[a - 1] == lay.clause[a] else "|"
    after_lex = lex(after, c) if after is not None and lay.clause[b + 1] == lay.clause[b] else "|"
    f += [f"run_prev:{before_lex}", f"run_next:{after_lex}"]
    if a == 0 and after is not None and ":" in text[toks[b].end:after.start]:
        f.append("run_label")  # "Steuern: Die Partei will ...": a heading, or an interview's speaker label
    if after is not None and after.lower in c.speech and after_lex != "|":
        f.append("run_before_speech")
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.start not in person_starts \
            and toks[k].lower.endswith("s") and toks[k].start in person_starts:
        f.append("genitive_name")  # "Kahls Rücktritt", "Finch's exit": the name belongs to the noun after it
    # "sagte der Sprecher", "erklärte ein Sprecher der Polizei": the cue, then at most two small words
    j = a
    while j > 0 and j > a - 3 and not toks[j - 1].text[:1].isupper() and toks[j - 1].lower not in c.speech \
            and lay.clause[j - 1] == lay.clause[a]:
        j -= 1
    if j > 0 and toks[j - 1].lower in c.speech and lay.clause[j - 1] == lay.clause[a]:
        f.append("run_after_speech" if j == a else f"run_after_speech_via:{lex(toks[a - 1], c)}")
    first = lay.clause_start[k]
    f.append("clause_pos" + bucket(a - first, (0, 1, 2, 4)))
    if cue_index is not None and lay.clause[cue_index] == lay.clause[k] and b < cue_index \
            and not any(toks[x].text[:1].isupper() and not lemma_is_lower(toks[x].text, c.lang)
                        for x in range(first, a)):
        # "Der Sprecher der Polizei sagte": the clause's first phrase, then the cue; but "In einem Interview
        # sagte ...", "Als Beispiel nannte ...": a phrase after a preposition is not the subject
        led = any(toks[x].lower in c.prepositions or toks[x].lower in c.adverbial_heads for x in range(first, a))
        f.append("pp_before_cue" if led else "subject_before_cue")
    if toks[k].lower in c.time_words:
        f.append("time_word")
    statement = _reported_subject_run(u, a, b, lay, c) if cue_index is None and toks[k].text[:1].isupper() \
        and toks[k].lower not in c.pronouns else None
    if statement:
        # "Die Opposition werde ...", "So sei die Lage ...": the subject of a Konjunktiv verb is a word of the
        # reported statement, its speaker is named elsewhere (the unit before, mostly)
        f.append("nocue_" + statement)
    if cue_index is not None:
        same = lay.clause[cue_index] == lay.clause[k]
        f.append("cue_clause" if same else "other_clause")
        vf = _vorfeld(text, u, c, person_starts)
        if same and a > cue_index:
            # "Er sagte der Zeitung ...", "Die Polizisten forderten die Schüler auf": with the place before the
            # verb taken by a noun phrase or a pronoun, a phrase after the cue is more often its object than its
            # speaker ("Am Montag sagte der Sprecher ...": a prepositional phrase leaves the subject after it)
            f.append(f"post_cue_vf:{vf}")
        elif b < cue_index and a == _first_run(u, c):
            f.append(f"first_run_before_cue:{vf}")  # "Der Minister, Name Surname, sagte": across the commas
    return f
