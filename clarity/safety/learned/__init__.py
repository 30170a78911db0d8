"""The crisis detector's learned layer: a linear text classifier read after the rules.

The rules (``categories/``) are precise but only know the phrasings someone wrote a pattern for;
on sentences nobody on the project had seen they found about three crisis messages in five. This
layer generalises from the same tables the rules are tested against (``tests/data/safety/``): a
logistic regression over the words, word pairs and character n-grams of the text the rules read
(normalised, idioms and other people masked), with a second head that names the category.
``assess`` asks it only when the rules find nothing in the latest message, and it can only add a
flag (see ``detector.py``).

``train.py`` fits it with scikit-learn (a dev dependency, ``make safety-model``) and writes
``weights.json``: the features worth keeping and their weights, rounded, plus the decision
threshold chosen by cross-validation and a hash of the tables it learned from.

Why inference is hand-rolled here rather than done by scikit-learn: at run time a linear model
is a dictionary look-up per feature, a sum and a comparison. scikit-learn, SciPy and NumPy would
add tens of megabytes to every server for that, and their per-call overhead (building a sparse
matrix for one short message) is larger than this whole function.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("weights.json")

# Character n-grams are taken inside each word padded with a space at both ends ("word
# boundary aware"), so that " die " and "died" differ and no n-gram spans two words.
CHAR_MIN = 3
CHAR_MAX = 5


def features(text: str) -> set[str]:
    """The features of ``text`` (normalised and masked, as the rules read it): words (``w``),
    word pairs (``b``) and character n-grams within words (``c``). Binary: a set."""
    words = text.split()
    found = {f"w {w}" for w in words}
    found.update(f"b {a} {b}" for a, b in pairwise(words))
    for word in set(words):
        padded = f" {word} "
        size = len(padded)
        for n in range(CHAR_MIN, min(CHAR_MAX, size) + 1):
            found.update("c" + padded[i : i + n] for i in range(size - n + 1))
    return found


@dataclass(frozen=True)
class Model:
    """Two linear heads over the same L2-normalised binary features: ``crisis`` (one weight a
    feature) says whether to flag, ``category`` (a weight per category a feature, sparse) says
    which category when it does."""

    threshold: float
    bias: float
    weights: dict[str, float]
    categories: tuple[str, ...]
    category_bias: tuple[float, ...]
    category_weights: dict[str, dict[int, float]]

    def probability(self, text: str) -> float:
        """How likely ``text`` shows crisis, by the crisis head."""
        found = features(text)
        if not found:
            return 0.0
        weights = self.weights
        total = sum(weights.get(f, 0.0) for f in found)
        z = self.bias + total / math.sqrt(len(found))
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def category(self, text: str) -> str:
        """The likeliest category of a crisis ``text``, by the category head."""
        found = features(text)
        scores = list(self.category_bias)
        scale = 1.0 / math.sqrt(len(found)) if found else 0.0
        for f in found:
            row = self.category_weights.get(f)
            if row is not None:
                for index, weight in row.items():
                    scores[index] += weight * scale
        return self.categories[max(range(len(scores)), key=scores.__getitem__)]

    def flag(self, text: str) -> str | None:
        """The category ``text`` shows, or None below the threshold."""
        if self.probability(text) < self.threshold:
            return None
        return self.category(text)


def from_json(data: dict[str, Any]) -> Model:
    crisis = data["crisis"]
    category = data["category"]
    return Model(
        threshold=float(data["threshold"]),
        bias=float(crisis["bias"]),
        weights={str(k): float(v) for k, v in crisis["weights"].items()},
        categories=tuple(str(c) for c in category["categories"]),
        category_bias=tuple(float(b) for b in category["bias"]),
        category_weights={
            str(f): {int(i): float(w) for i, w in row.items()}
            for f, row in category["weights"].items()
        },
    )


@cache
def model() -> Model:
    """The committed model, read once."""
    return from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


def flag(text: str) -> str | None:
    """The committed model's category for ``text`` (normalised and masked), or None."""
    return model().flag(text)


__all__ = ["WEIGHTS", "Model", "features", "flag", "model"]
