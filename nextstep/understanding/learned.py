"""The learned classifier's scorer: a linear model over n-grams and the rule scores.

The model is trained by :mod:`nextstep.understanding.train` (scikit-learn, build time only)
and shipped as data, ``data/classifier.json.gz``: vocabulary, idf weights, coefficients and
the calibration (temperature, review threshold) as numbers, never a pickle, so loading it runs
no code and the file is small and reproducible. This module rebuilds the same features as the
trainer (both call :func:`features`) and scores with numpy: a few milliseconds per document.

Features, on lower-cased, accent-stripped text with digits folded to ``0``: words and word
pairs (``w``), words of the subject line (``s``), character 3-5-grams inside words (``c``),
TF-IDF weighted (sublinear tf, L2 norm); then one feature per topical category, the log of its
rule score (:func:`nextstep.understanding.classify.score_text`), so the rules act as a prior
that the model weighs against the wording.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from nextstep.model import Deadline

MODEL_PATH = Path(__file__).resolve().parent / "data" / "classifier.json.gz"
FORMAT = "nextstep-linear-classifier/1"
RULE_SCALE = 0.5  # rule feature = RULE_SCALE * log(1 + score): ~0.4 per weak word, ~2 strong

NEAR_BEFORE, NEAR_AFTER = 5, 4  # words beside a candidate deadline's date (deadline_features)
FULL_LENGTH = 20  # words: a text this long or longer carries full evidence
_WORD = re.compile(r"[a-z0]+(?:'[a-z]+)?")


def _fold(norm: str) -> str:
    return re.sub(r"\d", "0", norm)


def features(norm_text: str, norm_subject: str) -> Counter[str]:
    """Raw feature counts of a normalised text (see module docstring)."""
    words = [w for w in _WORD.findall(_fold(norm_text)) if len(w) > 1 or w == "0"]
    out: Counter[str] = Counter()
    for w in words:
        out["w " + w] += 1
        if len(w) >= 3 and "0" not in w:
            padded = f"<{w}>"
            for n in (3, 4, 5):
                for i in range(len(padded) - n + 1):
                    out["c " + padded[i : i + n]] += 1
    for a, b in zip(words, words[1:], strict=False):
        out[f"w {a} {b}"] += 1
    for w in _WORD.findall(_fold(norm_subject)):
        if len(w) > 2:
            out["s " + w] += 1
    return out


def rule_features(scores: dict[str, float], classes: list[str]) -> np.ndarray:
    return np.array(
        [RULE_SCALE * math.log1p(scores.get(c, 0.0)) for c in classes if c != "other"],
        dtype=np.float64,
    )


def tfidf_vector(
    counts: Counter[str] | dict[str, int], vocab: dict[str, int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(indices, values) of the features in the vocabulary: sublinear tf times idf, L2
    normalised, then scaled down for texts under FULL_LENGTH words, so that a four-word
    scrap carries less evidence than a letter (L2 norm alone would make them equal)."""
    present = [f for f in counts if f in vocab]
    if not present:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    ix = np.array([vocab[f] for f in present], dtype=np.int64)
    tf = np.array([counts[f] for f in present], dtype=np.float64)
    vals = (1.0 + np.log(tf)) * idf[ix]
    n_words = sum(v for f, v in counts.items() if f.startswith("w ") and " " not in f[2:])
    vals *= min(1.0, n_words / FULL_LENGTH) / np.linalg.norm(vals)
    return ix, vals


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype="<f4").tobytes()).decode("ascii")


def _unb64(s: str, shape: tuple[int, ...]) -> np.ndarray:
    return np.frombuffer(base64.b64decode(s), dtype="<f4").astype(np.float64).reshape(shape)


def deadline_features(
    text: str, kind: str, computed: bool, days: int | None, before: str = "", after: str = ""
) -> list[str]:
    """Features of one candidate deadline: the words of its sentence, the last words before
    its date (or period) and the first after it, its kind, whether it was computed from a
    period, and how far after the letter's date it falls.

    The sentence's words alone are the same for every date of a sentence; the words beside
    the date tell "payé le 3 mars, à payer avant le 30 avril" apart (on the corpora, leave one
    out: pooled deadline F1 0.899 -> 0.904, docs/benchmarks.md round 8)."""
    words = {w for w in _WORD.findall(_fold(_plain(text))) if len(w) > 2 and "0" not in w}
    if days is None:
        bucket = "none"
    else:
        bucket = next(
            (name for limit, name in ((0, "past"), (8, "week"), (32, "month"), (93, "quarter"),
                                      (366, "year")) if days < limit),
            "later",
        )  # fmt: skip
    near = [w for w in _WORD.findall(_fold(_plain(before))) if len(w) > 1][-NEAR_BEFORE:]
    next_ = [w for w in _WORD.findall(_fold(_plain(after))) if len(w) > 1][:NEAR_AFTER]
    return [*sorted(f"w {w}" for w in words), *sorted({f"l {w}" for w in near}),
            *sorted({f"a {w}" for w in next_}), f"kind {kind}", f"computed {computed}",
            f"days {bucket}"]  # fmt: skip


def _plain(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in t if not unicodedata.combining(c))


@dataclass
class DeadlineFilter:
    """A logistic model over :func:`deadline_features` that drops candidate dates unlikely to
    be deadlines (a payment date announced, a period's end in passing)."""

    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float
    threshold: float

    def probability(self, feats: list[str]) -> float:
        z = self.intercept + sum(self.coef[self.vocab[f]] for f in feats if f in self.vocab)
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        return {
            "terms": terms,
            "coef": _b64(self.coef),
            "intercept": round(self.intercept, 6),
            "threshold": round(self.threshold, 4),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DeadlineFilter:
        terms: list[str] = d["terms"]
        return cls(
            {t: i for i, t in enumerate(terms)},
            _unb64(d["coef"], (len(terms),)),
            float(d["intercept"]),
            float(d["threshold"]),
        )


@dataclass
class LinearModel:
    classes: list[str]
    vocab: dict[str, int]
    idf: np.ndarray  # (n_text_features,)
    coef: np.ndarray  # (n_classes, n_text_features + n_rule_features)
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0
    threshold: float = 0.5  # below this calibrated confidence: needs review
    meta: dict[str, Any] | None = None
    _terms: list[str] = field(default_factory=list, repr=False)
    deadlines: DeadlineFilter | None = None

    # -- serialisation ----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        return {
            "format": FORMAT,
            "classes": self.classes,
            "terms": terms,
            "idf": _b64(self.idf),
            "coef": _b64(self.coef),
            "intercept": [round(float(x), 6) for x in self.intercept],
            "temperature": round(self.temperature, 4),
            "threshold": round(self.threshold, 4),
            "meta": self.meta or {},
            "deadlines": self.deadlines.to_json() if self.deadlines else None,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> LinearModel:
        if d.get("format") != FORMAT:
            raise ValueError(f"unknown classifier format {d.get('format')!r}")
        terms: list[str] = d["terms"]
        classes: list[str] = d["classes"]
        n_rule = len([c for c in classes if c != "other"])
        return cls(
            classes=classes,
            vocab={t: i for i, t in enumerate(terms)},
            idf=_unb64(d["idf"], (len(terms),)),
            coef=_unb64(d["coef"], (len(classes), len(terms) + n_rule)),
            intercept=np.array(d["intercept"], dtype=np.float64),
            temperature=float(d["temperature"]),
            threshold=float(d["threshold"]),
            meta=d.get("meta", {}),
            _terms=terms,
            deadlines=DeadlineFilter.from_json(d["deadlines"]) if d.get("deadlines") else None,
        )

    def dumps(self) -> bytes:
        """Deterministic bytes: sorted keys, float32 arrays, gzip without a timestamp."""
        raw = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":")).encode()
        return gzip.compress(raw, compresslevel=9, mtime=0)

    @classmethod
    def loads(cls, data: bytes) -> LinearModel:
        return cls.from_json(json.loads(gzip.decompress(data)))

    # -- scoring ----------------------------------------------------------------------------

    def vectorize(self, counts: Counter[str] | dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
        return tfidf_vector(counts, self.vocab, self.idf)

    def logits(self, ix: np.ndarray, vals: np.ndarray, rules: np.ndarray) -> np.ndarray:
        n_text = len(self.idf)
        out = self.coef[:, ix] @ vals + self.coef[:, n_text:] @ rules + self.intercept
        return np.asarray(out, dtype=np.float64)

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        z = logits / self.temperature
        e = np.exp(z - z.max())
        return np.asarray(e / e.sum())

    def explain(
        self, ix: np.ndarray, vals: np.ndarray, rules: np.ndarray, category: str, k: int = 4
    ) -> tuple[list[str], float]:
        """The words that pushed most towards ``category`` (word and subject features; the
        character n-grams are not shown, they mean nothing to staff), and the rule features'
        share of the push."""
        ci = self.classes.index(category)
        contrib = self.coef[ci, ix] * vals - self.coef[:, ix].mean(axis=0) * vals
        words: list[str] = []
        for j in np.argsort(-contrib):
            if contrib[j] <= 0 or len(words) >= k:
                break
            term = self._term(int(ix[j]))
            label = term[2:]
            tokens = label.split()
            readable = term[0] in "ws" and min(map(len, tokens)) > 3 and "0" not in label
            if readable and not any(label in w or w in label for w in words):
                words.append(label)
        n_text = len(self.idf)
        rule_push = float(self.coef[ci, n_text:] @ rules - (self.coef[:, n_text:] @ rules).mean())
        return words, rule_push

    def _term(self, index: int) -> str:
        if not self._terms:
            self._terms = sorted(self.vocab, key=self.vocab.__getitem__)
        return self._terms[index]


def filter_deadlines(
    deadlines: list[Deadline], doc_date: dt.date | None, model: LinearModel | None
) -> list[Deadline]:
    """The candidates the model's deadline filter keeps (all of them without a filter)."""
    f = model.deadlines if model is not None else None
    if f is None:
        return deadlines
    kept = []
    for d in deadlines:
        days = (d.date - doc_date).days if doc_date else None
        feats = deadline_features(d.text, d.kind, d.computed, days, d.before, d.after)
        if f.probability(feats) >= f.threshold:
            kept.append(d)
    return kept


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel | None:
    """The model shipped with the package, loaded once; None when it was not built."""
    if not MODEL_PATH.is_file():
        return None
    return LinearModel.loads(MODEL_PATH.read_bytes())
