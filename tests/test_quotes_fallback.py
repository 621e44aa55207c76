"""The second look at a quotation the speaker model gives nobody (succession.quotes.fallback): a
statement in several sentences keeps its speaker, and a quotation that follows another speaker's only
after a new paragraph stays unattributed. Fictional articles (German and English), through the whole
pipeline, with a small hand-made speaker ranker that names a speaker only beside a verb of saying and
says "nobody" otherwise, so that every continuation depends on the fallback."""
from __future__ import annotations

from dataclasses import replace

import pytest

from succession.extract.pipeline import analyse
from succession.models import Analysis, Document
from succession.quotes import load_models
from succession.quotes.fallback import Fallback
from succession.quotes.linear import LinearModel

DE = """Neue Leitung bei der Weststern Bahn

Die Weststern Bahn hat Karla Fennig zur Vorständin ernannt. Fennig sagte: „Wir bauen das Netz aus.“ „Die ersten Strecken folgen im Herbst.“

„Die Preise bleiben stabil.“
"""

EN = """New chief at Weststar Rail

Weststar Rail appointed Carla Fenwick as chief executive. Fenwick said: "We will extend the network." "The first lines follow in the autumn."

"Fares will stay where they are."
"""

# beside a verb of saying a word is the speaker; anything else is nobody (the rule model's cue words)
RANKER = LinearModel(("score",), {"after_speech": (10.0,), "before_speech": (10.0,), "none": (5.0,)})


def _quotes(article: Analysis) -> dict[str, str | None]:
    return {q.text.text: q.speaker for q in article.quotes}


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {lang: Document(id=f"fallback_{lang}", text=text, lang=lang) for lang, text in (("de", DE), ("en", EN))}


@pytest.mark.parametrize(("lang", "follow", "name", "after_break"), [
    ("de", "Die ersten Strecken folgen im Herbst.", "Karla Fennig", "Die Preise bleiben stabil."),
    ("en", "The first lines follow in the autumn.", "Carla Fenwick", "Fares will stay where they are."),
])
def test_a_statement_in_several_sentences_keeps_its_speaker(docs, monkeypatch, lang, follow, name, after_break):
    import succession.quotes as q

    def run(rule: Fallback) -> dict[str, str | None]:
        models = replace(load_models(lang), speaker=RANKER, fallback=rule)
        monkeypatch.setattr(q, "load_models", lambda _lang: models)
        return _quotes(analyse(docs[lang]))

    off = run(Fallback())
    assert any(follow in k and v is None for k, v in off.items()), off  # the ranker alone gives it nobody
    on = run(Fallback(statement="unitpar"))
    assert any(follow in k and v == name for k, v in on.items()), on
    # after a new paragraph and a unit between, the statement is over: nobody, as before
    assert any(after_break in k and v is None for k, v in on.items()), on
