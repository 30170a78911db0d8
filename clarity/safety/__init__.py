"""Crisis detection: does a message show a risk of suicide or self-harm, and how close is it?

The rules follow the structure clinicians screen with (the Columbia Suicide Severity Rating
Scale): ten categories in three levels, passive (wish_dead, burden, hopelessness), active
(active_thoughts, method, self_harm, slang) and imminent (intent, plan, preparation). Each
category is a small documented rule set in ``categories/``; all of them read text put through
one normaliser (``normalise.py``) with everyday idioms and talk about other people masked out
first (``exclusions.py``). ``assess`` also reads the latest message in the light of the
previous ones (see ``detector.py``), and ``moderation.py`` can ask a moderation model for a
second opinion that may add a flag but never remove one.

A learned layer (``learned/``) reads the latest message when the rules see nothing in it: a
logistic regression over words, word pairs and character n-grams of the same normalised text,
trained on the sentence tables the rules are tested against (``make safety-model``), with a
second head for the category; the level follows from the category. Rules alone plateau on
sentences nobody on the project has seen; the layer generalises a little further, and its
threshold is chosen by cross-validation over the tables' writers so that it adds almost no
false alarm. It can add a flag, never remove one; inference is a few dictionary look-ups in pure
Python from a small committed ``weights.json`` (no machine-learning library at run time).

Why hand-written rules first: no maintained library screens text for suicide risk offline; the
moderation models that do are remote services (used here only as a second opinion, with a
deadline), and a general sentiment or toxicity model knows nothing of the C-SSRS levels. The
rules are plain ``re`` patterns compiled once at import, and err on the side of flagging: a
false alarm costs a caring message and a list of helplines, a miss costs far more.

An ``Assessment`` carries the categories and the level, never the text: it is what may reach
logs and metrics.
"""

from __future__ import annotations

from clarity.safety.assessment import Assessment, Level
from clarity.safety.detector import assess

__all__ = ["Assessment", "Level", "assess"]
