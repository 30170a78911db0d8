"""The crisis detector's learned layer (``clarity/safety/learned/``): its weights file, what it
adds to the rules, and that it was trained on the tables of the day."""

from __future__ import annotations

import csv
import json
from typing import Any

import pytest

from clarity.app import create_app
from clarity.safety import Level, assess
from clarity.safety.categories import CATEGORIES
from clarity.safety.detector import reading, signals
from clarity.safety.learned import WEIGHTS, features, from_json, model
from clarity.safety.learned.train import DATA, data_hash, load, table_files, to_json

# Crisis sentences from dev3 that no rule matches and that the layer caught in cross-validation
# while dev3 was held out (trained on the other writers only): what it is for. ("been researching
# which meds would do it" was one, until a rule learned "<a medicine> would do it"; so was "Papa
# would have less tension if I wasn't there, I am only giving them problems", until "I am only
# giving them trouble" became a rule; and "i've been visiting everyone one last time", until the
# layer, trained on the reviewers' ordinary messages too, became more cautious.)
CAUGHT_IN_CROSS_VALIDATION = [
    (
        "mum asked what i want for my birthday and all i could think was to not be here for it",
        "wish_dead",
    ),
    ("Mate I'm not gonna lie, I'd be happy to just cark it in my sleep", "wish_dead"),
]


def test_the_weights_file_loads_and_names_every_category() -> None:
    layer = model()
    assert set(layer.categories) == CATEGORIES
    assert 0.5 < layer.threshold < 1
    assert layer.weights
    assert all(
        0 <= i < len(layer.categories) for row in layer.category_weights.values() for i in row
    )


def test_the_weights_file_is_small() -> None:
    # It grows with the tables and with C (505 KB at 3,006 crisis and 2,976 negative rows; 1.15 MB
    # at 5,074 and 6,485 with C=100): a bound that still catches an unpruned model (about 10 MB),
    # raised from 650 KB on 7 Dec for those two reasons, not a figure to tune against.
    assert WEIGHTS.stat().st_size < 1_500_000


def test_the_weights_were_trained_on_the_tables_of_today() -> None:
    """Edit a table under tests/data/safety/ and this fails until ``make safety-model`` is run
    and the new weights.json committed."""
    recorded = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    files = table_files()
    assert recorded["files"] == [p.name for p in files]
    assert recorded["data_sha256"] == data_hash(files), "retrain: make safety-model"


def test_the_weights_file_is_written_deterministically() -> None:
    """Reading the file and writing it again gives the same text, byte for byte."""
    text = WEIGHTS.read_text(encoding="utf-8")
    recorded = json.loads(text)
    layer = from_json(recorded)
    assert to_json(layer, recorded["data_sha256"], recorded["files"]) == text


def test_features_are_words_pairs_and_character_ngrams_within_words() -> None:
    found = features(" i want to die ")
    assert {"w die", "b to die", "c die ", "c di", "cdie ", "cwant"} <= found
    grams = [f[1:] for f in found if f[0] == "c"]
    assert all(3 <= len(g) <= 5 and " " not in g[1:-1] for g in grams)
    assert features(" ") == set()


@pytest.mark.parametrize(("message", "category"), CAUGHT_IN_CROSS_VALIDATION)
def test_the_layer_flags_what_the_rules_miss(message: str, category: str) -> None:
    assert not assess(message, learned_layer=False).crisis
    result = assess(message)
    assert category in result.categories
    assert result.level > Level.NONE


def test_the_layer_adds_no_false_alarm_to_a_table_negative_but_the_listed_ones() -> None:
    """The layer reads only what the rules see nothing in (``assess``): on those table negatives
    it stays below its threshold, but for the few listed as its known false alarms (1 of 4,640
    on 3 Dec 2026: "i keep saying yes to everything and have no time for myself")."""
    layer = model()
    flagged = {
        r.text
        for r in load()
        if r.category is None and not signals(r.text).seen and layer.flag(reading(r.text))
    }
    with (DATA / "known_false_alarms.tsv").open(newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        listed = {r["text"] for r in rows if r["found"].endswith("(layer)")}
    assert flagged == listed


def test_the_layer_only_adds_to_the_rules() -> None:
    """On every table row: whatever the rules find stays, at least at its level."""
    for row in load():
        rules = assess(row.text, learned_layer=False)
        both = assess(row.text)
        assert rules.categories <= both.categories
        assert both.level >= rules.level
        if rules.crisis:
            assert both == rules


def test_the_layer_leaves_ambiguous_phrases_to_the_history() -> None:
    """A weak signal ("gave my guitar away") is the rules' to judge with the history: the
    layer is not asked about a message in which the rules saw anything."""
    message = "gave my guitar to my brother today"
    assert signals(message).seen
    assert not assess(message).crisis
    assert not assess(message, ["what a week"]).crisis


def test_a_disguised_spelling_the_layer_flags_counts_as_slang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As with the rules: hiding a word behind digits (d1e) is a way past filters."""
    from clarity.safety import detector

    monkeypatch.setattr(detector, "learned_flag", lambda text: "wish_dead")
    assert assess("d3ad inside tbh").categories == {"wish_dead", "slang"}
    assert assess("dead inside tbh").categories == {"wish_dead"}
    assert assess("dead inside tbh", learned_layer=False).categories == frozenset()


async def test_a_starting_server_reads_the_weights_before_the_first_message(
    settings_overrides: dict[str, Any],
) -> None:
    model.cache_clear()
    app = create_app(settings_overrides)
    assert model.cache_info().currsize == 0
    async with app.test_app():  # the server's start-up hooks, no request yet
        assert model.cache_info().currsize == 1
