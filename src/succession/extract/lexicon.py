"""Language data compiled into matchers, once per language.

Pattern syntax (see succession.lang.en.triggers): lower-case words separated by spaces, ``word*``
for any ending, ``...`` for a gap of up to ten words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import LanguageData, get_language

__all__ = ["Trigger", "Lexicon", "ObjectSense", "lexicon", "compile_pattern", "COPULA_MARK"]

COPULA_MARK = " <role>"  # ends the name of a copula trigger: the role word is part of its match

# a gap stays inside the clause: no sentence punctuation, and a comma only before a lower-case word
# ("the company, which began" goes on; "gewählt, Chef vom Dienst" starts something else)
_GAP = r"(?:\s+[^\s,;:.!?]+(?:,(?=\s+[a-zäöüß]))?){0,10}?"


def compile_pattern(pattern: str) -> str:
    """A data pattern as a regular expression (unanchored, word-bounded)."""
    parts = []
    for tok in pattern.split():
        if tok == "...":
            parts.append(None)
        elif tok.endswith("*"):
            parts.append(re.escape(tok[:-1]) + r"[\w\-]*")
        else:
            parts.append(re.escape(tok))
    out = ""
    for i, p in enumerate(parts):
        if p is None:
            out += _GAP
            continue
        if out and not out.endswith(_GAP):
            out += r"\s+"
        elif out:
            out += r"\s+"
        out += p
    head = r"(?<![\w\-])" if pattern[0].isalnum() else ""
    tail = r"(?![\w])" if pattern.rstrip("*")[-1].isalnum() or pattern.endswith("*") else ""
    return head + out + tail


def _alternation(patterns) -> re.Pattern[str] | None:  # type: ignore[no-untyped-def]
    pats = [compile_pattern(p) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE) if pats else None


@dataclass(frozen=True)
class Trigger:
    pattern: str
    regex: re.Pattern[str]
    type: str
    side: str
    needs_role: bool
    nominal: re.Pattern[str] | None = None  # which matches of the pattern are nouns

    def is_nominal(self, matched: str) -> bool:
        return bool(self.nominal and self.nominal.fullmatch(matched))


@dataclass(frozen=True)
class ObjectSense:
    """Trigger patterns (or "lemma:<lemma>") whose object, matched after or before them, shows another sense."""

    triggers: frozenset[str]
    after: re.Pattern[str]
    before: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    lang: str
    triggers: tuple[Trigger, ...]
    any_trigger: re.Pattern[str]
    roles: dict[str, str]
    role_regex: re.Pattern[str]
    compound_role_regex: re.Pattern[str]
    role_heads: dict[str, str]
    role_modifiers: dict[str, str]
    former: re.Pattern[str]
    block_after: re.Pattern[str] | None
    block_before: re.Pattern[str] | None
    not_triggers: re.Pattern[str] | None
    not_holders: re.Pattern[str] | None
    award_words: re.Pattern[str] | None
    replacement: frozenset[str]
    adjective_triggers: frozenset[str]
    successor_nouns: re.Pattern[str] | None
    event_words: re.Pattern[str] | None
    generic_role_regex: re.Pattern[str] | None
    org_noun_regex: re.Pattern[str] | None
    org_suffix_regex: re.Pattern[str] | None
    apposition_org_regex: re.Pattern[str] | None
    cues: dict[str, re.Pattern[str] | None]  # modality name -> any cue
    past: re.Pattern[str] | None
    future: re.Pattern[str] | None

    compound_suffixes: bool = False
    # a cheap superset test before the regular expressions: whole words, word starts, word ends
    quick_words: frozenset[str] = frozenset()
    quick_prefixes: tuple[str, ...] = ()
    quick_suffixes: tuple[str, ...] = ()
    # other senses of triggers shown by their object (a place left, a contest a player leaves)
    object_senses: tuple[ObjectSense, ...] = ()

    # the language data the lexicon was built from (its other cue lists): held, not looked up on every read
    language: LanguageData = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.language is None:
            object.__setattr__(self, "language", get_language(self.lang))

    def maybe_candidate(self, sentence: str) -> bool:
        """False only when no trigger or role word can be in the sentence (most sentences)."""
        for w in _WORD.findall(sentence.casefold()):
            if w in self.quick_words or w.startswith(self.quick_prefixes) or (
                    self.quick_suffixes and w.endswith(self.quick_suffixes)):
                return True
        return False

    def canonical_role(self, surface: str) -> str | None:
        s = " ".join(surface.casefold().split())
        if s in self.roles:
            return self.roles[s]
        for cut in range(1, 6):  # strip an inflection ending
            if len(s) > cut + 2 and s[:-cut] in self.roles:
                return self.roles[s[:-cut]]
        return None

    def compound_role(self, word: str) -> str | None:
        """The role a closed compound ends in ("Gründungschefredakteur" -> editor), where the language
        writes such compounds."""
        if not self.compound_suffixes or " " in word or len(word) < 8:
            return None
        w = word.casefold()
        for i in range(2, len(w) - 3):
            role = self.canonical_role(w[i:])
            if role and len(w) - i >= 4:
                return role
        return None


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    data = get_language(lang)
    trig = data.triggers
    needs, nominal = set(trig.NEEDS_ROLE), _alternation(trig.NOMINAL)
    triggers = tuple(Trigger(p, re.compile(compile_pattern(p), re.IGNORECASE), t, side, p in needs, nominal)
                     for p, t, side in trig.TRIGGERS)
    roles = {k.casefold(): v for k, v in data.roles.ROLES.items()}
    infl = data.roles.INFLECTION
    words = sorted(roles, key=len, reverse=True)
    triggers += _copula_triggers(tuple(trig.COPULAS), tuple(trig.COPULA_BREAKS), words, infl,
                                 nominal)
    triggers += _fronted_role_triggers(tuple(trig.FRONTED_ROLE_COPULAS), tuple(trig.FRONTED_ROLE_NEW), words, infl,
                                       nominal)
    any_trigger = re.compile("|".join(f"(?:{t.regex.pattern})" for t in triggers), re.IGNORECASE)
    role_regex = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + ")" + infl + r"(?![\w])",
                            re.IGNORECASE)
    heads = {k.casefold(): v for k, v in data.roles.ROLE_HEADS.items()}
    head_alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    # "Foo-Chef", "Foo-Bank-Chef" (joined by hyphens) or "Foo boss" (a capitalised word before the head)
    compound = re.compile(r"(?<![\w\-])((?:[A-ZÄÖÜ][\w.&]*\s+){0,2}(?:[A-ZÄÖÜ0-9][\w.&]*)(?:-[A-ZÄÖÜ0-9][\w.&]*)*)(?:-|\s+)((?i:" + head_alt + ")" + infl
                          + r")(?![\w])")
    mod = data.modality
    cues = {name: _alternation(getattr(mod, attr)) for name, attr in
            (("negated", "NEGATION"), ("planned", "PLANNED"), ("rumoured", "RUMOURED"), ("uncertain", "UNCERTAIN"),
             ("planned_trigger", "PLANNED_TRIGGERS"))}
    return Lexicon(
        lang=lang, triggers=triggers, any_trigger=any_trigger, roles=roles, role_regex=role_regex,
        compound_role_regex=compound, role_heads=heads,
        role_modifiers={k.casefold(): v for k, v in data.roles.ROLE_MODIFIERS.items()},
        former=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in data.roles.FORMER) + r")[\w]*",
                          re.IGNORECASE),
        block_after=_alternation(trig.BLOCK_AFTER), block_before=_alternation(trig.BLOCK_BEFORE),
        not_triggers=_alternation(trig.NOT_TRIGGERS), not_holders=_alternation(trig.NOT_HOLDERS),
        award_words=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in trig.AWARD_WORDS) + r")(?![\w])",
                               re.IGNORECASE), replacement=frozenset(trig.REPLACEMENT),
        successor_nouns=_alternation(trig.SUCCESSOR_NOUNS), adjective_triggers=frozenset(trig.ADJECTIVE_TRIGGERS),
        event_words=re.compile("|".join(re.escape(w) if len(w) >= 6 else r"(?<![\w])" + re.escape(w) + r"(?![\w])"
                                        for w in data.names.EVENT_WORDS), re.IGNORECASE),
        generic_role_regex=re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(g) for g in data.roles.GENERIC_ROLES)
                                      + r")" + infl + r"(?![\w\-])", re.IGNORECASE),
        org_noun_regex=re.compile(r"(?<![\w])(?i:" + "|".join(re.escape(n) for n in data.names.ORG_NOUNS) + r")"
                                  + r"(?:s|es|en|n)?\s+((?:[A-ZÄÖÜ][\w&'’.\-]*)(?:\s+[A-ZÄÖÜ][\w&'’.\-]*){0,2})"),
        apposition_org_regex=re.compile(r"([A-ZÄÖÜ][\w&.\-]*(?:\s+[A-ZÄÖÜ][\w&.\-]*){0,2}),\s+(?i:der|die|das|the|its|a|an|ein|eine)\s+"
                                        r"(?:[\w\-]+\s+){0,3}?(?i:" + "|".join(re.escape(n) for n in data.names.ORG_NOUNS)
                                        + r")(?:s|es|en|n)?\b"),
        org_suffix_regex=re.compile(r"(?<![\w\-])((?:[A-ZÄÖÜ][\w&.\-]*\s+){0,2}(?:[A-ZÄÖÜ][\w&.]*-)?(?i:"
                                    + "|".join(re.escape(x.rstrip(".")) for x in data.names.ORG_SUFFIXES
                                               if len(x.rstrip(".")) >= 2)
                                    + r")\.?)(?![\w\-])"),
        cues=cues, past=_alternation(mod.PAST), future=_alternation(mod.FUTURE),
        compound_suffixes=bool(data.roles.COMPOUND_SUFFIXES),
        **_quick_filter(trig.TRIGGERS, roles, bool(data.roles.COMPOUND_SUFFIXES)),
        **_place_guard(trig),
    )


def _place_guard(trig) -> dict:  # type: ignore[no-untyped-def]
    """Objects that show another sense of a trigger: a place left or reached ("returned home", "die Häuser
    verlassen"), a contest or sport a player leaves ("retired from athletics", "im Doppel ausgeschieden")."""
    senses = [ObjectSense(frozenset(trig.MOTION_TRIGGERS), *_object_matchers(
        trig.PLACE_WORDS, trig.PLACE_PREPOSITIONS, trig.PLACE_BEFORE_WORDS, trig.PLACE_NAME_PREPOSITIONS))]
    senses.append(ObjectSense(frozenset(trig.CONTEST_TRIGGERS), *_object_matchers(
        trig.CONTEST_WORDS, trig.PLACE_PREPOSITIONS, trig.PLACE_BEFORE_WORDS, (), reach=3)))
    senses += [_context_sense(*entry) for entry in trig.CONTEXT_SENSES]
    if trig.DIRECT_OBJECT_TRIGGERS:
        alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(trig.DIRECT_OBJECT_WORDS, key=len, reverse=True))
        before = "|".join(re.escape(w) for w in trig.DIRECT_OBJECT_BEFORE)
        senses.append(ObjectSense(frozenset(trig.DIRECT_OBJECT_TRIGGERS),
                                  re.compile(r"\s+(?i:" + alts + r")(?![\w'’\-])"),
                                  re.compile(r"(?<![\w\-])(?i:" + before + r")\s+$") if before else None))
    return {"object_senses": tuple(senses)}


def _object_matchers(words, preps, before_words: int, named, reach: int = 2  # type: ignore[no-untyped-def]
                     ) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    prep = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(preps, key=len, reverse=True))
    after = (r"[\s,]*(?:(?:(?i:" + prep + r"))\s+)?(?:[\w'’\-]+\s+){0," + str(reach) + r"}?(?:[\w'’]+-)*(?i:" + alts
             + r")(?![\w'’\-])")
    if named:
        after = "(?:" + after + r")|[\s,]*(?i:" + "|".join(re.escape(p) for p in named) + r")\s+[A-ZÄÖÜ]"
    before = None
    if before_words:
        before = re.compile(r"(?<![\w\-])(?i:" + alts + r")(?:\s+[\w\-]+){0," + str(before_words - 1) + r"}\s*$")
    return re.compile(after), before


def _context_words(words) -> str:  # type: ignore[no-untyped-def]
    """An alternation of words and phrases; "*ly" is any word ending so ("emotionally")."""
    alts = [r"[^\W\d_]+" + re.escape(w[1:]) if w.startswith("*") else re.escape(w).replace(r"\ ", r"\s+")
            for w in sorted(words, key=len, reverse=True)]
    return "(?i:" + "|".join(alts) + r")(?![\w'’\-])"


def _context_sense(triggers, before, after, anywhere_before: bool = False,  # type: ignore[no-untyped-def]
                   reach: int = 0) -> ObjectSense:
    """Another sense shown by the words right before or after a trigger (``CONTEXT_SENSES``); with
    ``anywhere_before`` a word before may stand anywhere in the clause up to the trigger ("died ..., leaving");
    ``reach`` words may stand between the trigger and a word after it ("voted off the Foo show")."""
    never = re.compile(r"(?!)")
    gap = r"(?:[\w'’\-]+\s+){0," + str(reach) + r"}?" if reach else ""
    rx_after = re.compile(r"[\s,]*" + gap + _context_words(after)) if after else never
    if not before:
        return ObjectSense(frozenset(triggers), rx_after, None)
    tail = r"[^.;:!?]*$" if anywhere_before else r"\s+$"
    return ObjectSense(frozenset(triggers), rx_after, re.compile(r"(?<![\w\-])" + _context_words(before) + tail))


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _copula_triggers(copulas: tuple[str, ...], breaks: tuple[str, ...], role_words: list[str], infl: str,
                     nominal: re.Pattern[str] | None) -> tuple[Trigger, ...]:
    """'wird Vizebürgermeisterin', 'wurde neuer Trainer': a copula and, after at most three lower-case
    words, a role word. The match runs to the end of the role word; the role word itself is what the
    quick filter looks for, so common auxiliaries add no candidate sentences."""
    if not copulas:
        return ()
    role_alt = "|".join(re.escape(w) for w in role_words)
    no_break = r"(?!(?:" + "|".join(re.escape(b) for b in breaks) + r")(?![\w]))" if breaks else ""
    return tuple(Trigger(c + COPULA_MARK, re.compile(r"(?<![\w\-])(?i:" + re.escape(c) + r")(?:\s+" + no_break
                                                   + r"[a-zäöüß]+){0,3}?\s+(?i:"
                                                   + role_alt + ")" + infl + r"(?![\w\-])"),
                         "appointed", "subj", True, nominal) for c in copulas)


def _fronted_role_triggers(copulas: tuple[str, ...], new: tuple[str, ...], role_words: list[str], infl: str,
                           nominal: re.Pattern[str] | None) -> tuple[Trigger, ...]:
    """'Neuer Innenminister wird Foo', 'Verteidigungsminister wurde ein General, Foo': a bare role word (no
    article: a predicate, not the subject; a compound such as "Innenminister" too) opens the clause and a
    copula follows; the holder comes after it. The match runs from the role word to the copula, so the role
    is the post (``COPULA_MARK``)."""
    if not copulas:
        return ()
    role_alt = "|".join(re.escape(w) for w in role_words)
    new_alt = (r"(?:(?i:" + "|".join(re.escape(n) for n in new) + r")\s+)?") if new else ""
    return tuple(Trigger(c + " <fronted>" + COPULA_MARK,
                         re.compile(r"(?:^|(?<=[,;:]\s))" + new_alt + r"(?:[A-ZÄÖÜ][\w\-]*?)?(?i:" + role_alt + ")"
                                    + infl + r"\s+(?i:" + re.escape(c) + r")(?![\w\-])"),
                         "appointed", "obj", True, nominal) for c in copulas)


def _quick_filter(triggers, roles: dict[str, str], compounds: bool) -> dict:  # type: ignore[no-untyped-def]
    words, prefixes = set(), set()
    for pattern, _type, _side in triggers:
        # every literal word of a pattern must be in the sentence: test for its longest one
        toks = [t for t in pattern.split() if t != "..."]
        tok = max(enumerate(toks), key=lambda it: (len(it[1].rstrip("*")), it[0]))[1]
        parts = _WORD.findall(tok.casefold())
        if not parts:
            continue
        (prefixes if tok.endswith("*") or len(parts) > 1 else words).add(max(parts, key=len))
    for key in roles:
        longest = max(_WORD.findall(key), key=len, default="")
        if len(longest) >= 3:
            prefixes.add(longest)  # inflected forms start with the role word
    suffixes = tuple(sorted(k for k in roles if " " not in k and len(k) >= 4)) if compounds else ()
    return {"quick_words": frozenset(words), "quick_prefixes": tuple(sorted(prefixes)), "quick_suffixes": suffixes}
