"""The shipped German NER model (resources/ner_de) and the generated first-name list (resources/first_names.txt).

All sentences are invented; companies and people are fictional.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from spacy.language import Language

import succession

RESOURCES = Path(succession.__file__).parent / "resources"
MODEL_DIR = RESOURCES / "ner_de"
FIRST_NAMES = RESOURCES / "first_names.txt"
SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
UNER_DE_PUD = Path("/work/shared/data/ner/uner/de/de_pud-ud-test.iob2")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(MODEL_DIR)


def ents(nlp: Language, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def labelled(nlp: Language, text: str, label: str) -> set[str]:
    return {t for t, lab in ents(nlp, text) if lab == label}


# ---------------------------------------------------------------- model files


def test_model_is_small_and_has_no_training_leftovers() -> None:
    files = [f for f in MODEL_DIR.rglob("*") if f.is_file()]
    size = sum(f.stat().st_size for f in files)
    assert 0 < size < 50_000_000
    names = {f.name for f in files}
    assert "config.cfg" in names and "meta.json" in names
    assert not any("optimizer" in n or n.endswith(".spacy") for n in names)


def test_meta_carries_name_licence_and_sources() -> None:
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "de" and meta["name"] == "ner_de" and meta["version"]
    assert "CC BY 4.0" in meta["license"] and "CC0" in meta["license"] and "WikiANN" in meta["license"]
    assert {"GermEval", "Europeana", "WikiANN"} <= {s["name"].split()[0] for s in meta["sources"]}
    assert meta["labels"]["ner"] == sorted(["LOC", "ORG", "PER"])
    assert meta["performance"]["uner_de_pud"]["ents_f"] > 0.5


def test_config_has_no_machine_specific_paths() -> None:
    config = (MODEL_DIR / "config.cfg").read_text(encoding="utf-8")
    assert "/work/" not in config and "/tmp/" not in config


def test_pipeline_shape(nlp: Language) -> None:
    assert nlp.lang == "de"
    assert nlp.pipe_names == ["tok2vec", "ner", "org_ruler"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_legal_form_ruler_takes_the_whole_company_name(nlp: Language) -> None:
    text = "Laut der Muster & Söhne GmbH & Co. KG und der Alpha Beta SE sinkt der Umsatz."
    assert {"Muster & Söhne GmbH & Co. KG", "Alpha Beta SE"} <= labelled(nlp, text, "ORG")


# ---------------------------------------------------------------- behaviour on news sentences


def test_dismissal_sentence_persons_and_company(nlp: Language) -> None:
    text = ("Der Aufsichtsrat der Beispiel AG hat Vorstandschef Klaus Mustermann entlassen; "
            "Nachfolgerin wird Finanzchefin Petra Probst.")
    assert {"Klaus Mustermann", "Petra Probst"} <= labelled(nlp, text, "PER")
    assert any("Beispiel AG" in org for org in labelled(nlp, text, "ORG"))


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("Die Nordlicht Logistik GmbH hat Jana Feldhaus zur neuen Geschäftsführerin ernannt.",
         "Jana Feldhaus", "Nordlicht Logistik GmbH"),
        ("Vorstandschef Tobias Wendland verlässt die Kranich Versicherung AG zum Jahresende.",
         "Tobias Wendland", "Kranich Versicherung"),
        ("Wie die Sonnberg Bank am Montag mitteilte, übernimmt Martina Kessler den Vorsitz des Vorstands.",
         "Martina Kessler", "Sonnberg Bank"),
    ],
)
def test_finds_person_and_organisation(nlp: Language, text: str, person: str, org: str) -> None:
    assert person in labelled(nlp, text, "PER")
    assert any(org in found for found in labelled(nlp, text, "ORG"))


def test_location(nlp: Language) -> None:
    assert "München" in labelled(nlp, "Das Unternehmen verlegt seinen Sitz von Hamburg nach München.", "LOC")


def test_no_entities_in_plain_sentence(nlp: Language) -> None:
    assert ents(nlp, "Der Umsatz stieg im dritten Quartal um vier Prozent.") == set()


def test_junk_input_does_not_crash(nlp: Language) -> None:
    for text in ("", " ", "\x00\x1d", "!!!" * 50, "a" * 5000):
        assert isinstance(list(nlp(text).ents), list)


@pytest.mark.skipif(not UNER_DE_PUD.exists(), reason="needs /work/shared/data/ner (UNER de_pud)")
def test_held_out_quality_on_uner_sample(nlp: Language) -> None:
    """Person F1 on the first 300 held-out UNER de_pud sentences stays where the training left it."""
    gold: set[tuple[int, int, int]] = set()
    found: set[tuple[int, int, int]] = set()
    for i, (words, tags) in enumerate(read_uner(UNER_DE_PUD, limit=300)):
        gold |= {(i, s, e) for s, e in per_spans(tags)}
        doc = nlp(spacy.tokens.Doc(nlp.vocab, words=words))
        found |= {(i, e.start, e.end) for e in doc.ents if e.label_ == "PER"}
    f1 = 2 * len(gold & found) / (len(gold) + len(found))
    assert f1 > 0.6, f1  # 0.71 when trained; the full-set figures are in docs/models.md


def read_uner(path: Path, limit: int) -> list[tuple[list[str], list[str]]]:
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            if len(sentences) >= limit:
                break
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    return sentences


def per_spans(tags: list[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != "I-PER":
            spans.append((start, i))
            start = None
        if tag == "B-PER":
            start = i
    return spans


# ---------------------------------------------------------------- first-name list


def first_names() -> list[str]:
    lines = FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# generated by scripts/build_first_names.py")
    return lines[1:]


def test_first_names_are_sorted_unique_and_well_formed() -> None:
    names = first_names()
    assert 1000 < len(names) < 20000
    assert names == sorted(set(names))
    assert all(len(n) >= 2 and n[0].isupper() and n.replace("-", "").isalpha() for n in names)


def test_first_names_cover_german_and_english_names() -> None:
    names = set(first_names())
    assert {"Klaus", "Petra", "Jürgen", "Ursula", "Thomas", "Anna", "John", "Mary", "Michael", "Sarah"} <= names


def test_first_names_exclude_titles_and_function_words() -> None:
    names = set(first_names())
    assert not names & {"Der", "Die", "Das", "The", "Herr", "Frau", "Dr", "Sir", "Präsident", "President", "Graf"}


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SCRIPTS / "build_first_names.py").exists(), reason="scripts/ not present")
def test_name_selection_rules() -> None:
    train = _load_script("train_ner_de")
    build = _load_script("build_first_names")
    counts = build.NameCounts()
    per = ("B-PER", "I-PER")
    for words, tags in [
        (("Herr", "Anna", "Beispiel"), ("O", *per)),
        (("Sir", "Anna", "Muster"), ("B-PER", "I-PER", "I-PER")),
        (("Anna", "Probe"), per), (("Paris", "Muster"), per),
        (("in", "Paris"), ("O", "B-LOC")), (("Paris", "liegt"), ("B-LOC", "O")),
        (("Der", "Muster"), per), (("Der", "Mann"), ("O", "O")), (("Der", "Tag"), ("O", "O")),
        (("Anna", "Test"), per), (("Muster", "Anna"), per), (("Lea", "Muster"), per),
    ]:
        counts.add(train.Sentence(words, tags))
    # "Herr"/"Sir": titles; "Paris", "Der": mostly not a name; "Muster": mostly a surname
    assert build.select_names(counts, min_count=1) == ["Anna", "Lea"]
    assert build.select_names(counts, min_count=2) == ["Anna"]
    assert build.select_names(counts, min_count=4) == []


@pytest.mark.skipif(not (SCRIPTS / "ner_de_data.py").exists(), reason="scripts/ not present")
def test_hyphen_split_gives_the_ud_reading_of_germeval_compounds() -> None:
    data = _load_script("ner_de_data")
    words = ("Der", "Musterpartei-Politiker", "und", "Alpha-Beta-Werk", "pseudo-XYZ", "Landes-Behörde",
             "Anna-Lena", "Probe", "Vize-Chef")
    raw = ("O", "B-ORGpart", "O", "B-ORGpart", "B-ORGpart", "B-ORG", "B-PER", "I-PER", "O")
    got = data.split_hyphens(words, raw)
    assert got.words == ("Der", "Musterpartei", "-", "Politiker", "und", "Alpha", "-", "Beta", "-", "Werk",
                         "pseudo", "-", "XYZ", "Landes", "-", "Behörde", "Anna", "-", "Lena", "Probe",
                         "Vize", "-", "Chef")
    # the name inside a compound becomes an entity of its own; a whole-entity token keeps its span
    assert got.tags == ("O", "B-ORG", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O",
                        "O", "O", "B-ORG", "B-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER", "I-PER", "I-PER",
                        "O", "O", "O")
    # OTH stays missing by default, or becomes O
    assert data.map_germeval(("B-OTH", "I-OTH", "B-LOCderiv")) == (None, None, "O")
    assert data.map_germeval(("B-OTH", "I-OTH", "B-LOC"), "o") == ("O", "O", "B-LOC")


@pytest.mark.skipif(not (SCRIPTS / "ner_de_vectors.py").exists(), reason="scripts/ not present")
def test_count_vectors_place_words_of_shared_contexts_together() -> None:
    vec = _load_script("ner_de_vectors")
    towns = ["alpha", "beta", "gamma"]
    firms = ["delta", "epsilon", "zeta"]
    segments = []
    for i in range(60):
        town, firm = towns[i % 3], firms[(i // 3) % 3]
        segments.append(["sie", "wohnt", "in", town, "am", "see", "."])
        segments.append(["der", "konzern", firm, "meldet", "gewinn", "."])
    words, vecs = vec.ppmi_svd(segments, dims=4, max_rows=100, min_count=1)
    again = vec.ppmi_svd(segments, dims=4, max_rows=100, min_count=1)
    assert words == again[0] and (vecs == again[1]).all()  # deterministic
    row = {w: vecs[i] for i, w in enumerate(words)}
    assert float(row["alpha"] @ row["beta"]) > float(row["alpha"] @ row["delta"])
