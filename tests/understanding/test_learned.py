"""The learned classifier: built from the repository in CI time, reproducible, small, fast,
safe to load (numbers and strings only), and explained to staff in words."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time

import pytest

from nextstep.model import Deadline, OcrPage
from nextstep.understanding import understand
from nextstep.understanding.classify import classify_text
from nextstep.understanding.dates import find_deadlines
from nextstep.understanding.learned import (
    MODEL_PATH,
    LinearModel,
    deadline_features,
    shipped_model,
)

pytest.importorskip("sklearn", reason="scikit-learn builds the model")
from nextstep.understanding import train  # noqa: E402


@pytest.fixture(scope="module")
def corpora() -> dict[str, list[dict[str, object]]]:
    return train.load_corpora()


@pytest.fixture(scope="module")
def built(corpora: dict[str, list[dict[str, object]]]) -> LinearModel:
    """The full build, with the grid narrowed to the configuration the shipped build chose
    (the choice itself is deterministic; this keeps the test at a quarter of the time)."""
    shipped = shipped_model()
    assert shipped is not None and shipped.meta
    return train.build(corpora, grid=[train.Config(**shipped.meta["config"])])


def test_the_shipped_model_is_there_small_and_plain_data() -> None:
    assert MODEL_PATH.is_file(), "run: python -m nextstep.understanding.train"
    data = MODEL_PATH.read_bytes()
    assert len(data) <= 20_000_000
    doc = json.loads(gzip.decompress(data))  # JSON: nothing in it can run code when loaded
    assert doc["format"] == "nextstep-linear-classifier/1"
    assert set(doc) >= {"classes", "terms", "idf", "coef", "intercept", "threshold"}


def test_building_twice_gives_the_same_bytes(corpora: dict[str, list[dict[str, object]]]) -> None:
    small = {k: v[::4] for k, v in corpora.items()}
    grid = train.GRID[:2]
    assert train.build(small, grid).dumps() == train.build(small, grid).dumps()


def test_the_build_reproduces_the_shipped_model(
    built: LinearModel, corpora: dict[str, list[dict[str, object]]]
) -> None:
    """Same bytes, or (another BLAS or scikit-learn version) the same predictions on every
    training document and the same calibration."""
    shipped = shipped_model()
    assert shipped is not None
    data = built.dumps()
    if data == MODEL_PATH.read_bytes():
        return
    built = LinearModel.loads(data)  # the file's rounding of the calibration, as shipped
    assert (built.temperature, built.threshold) == (shipped.temperature, shipped.threshold)
    for docs in corpora.values():
        for x in docs:
            a = classify_text(str(x["text"]), model=built)
            b = classify_text(str(x["text"]), model=shipped)
            assert (a.category, a.needs_review) == (b.category, b.needs_review), x["id"]


def test_loads_in_half_a_second_and_classifies_in_50_ms(
    corpora: dict[str, list[dict[str, object]]],
) -> None:
    data = MODEL_PATH.read_bytes()
    load = min(_timed(lambda: LinearModel.loads(data)) for _ in range(3))
    assert load <= 0.5, load
    model = LinearModel.loads(data)
    texts = [str(x["text"]) for x in corpora["D"]]
    long_text = "\n\n".join(texts[:3])  # a three-page document
    per_doc = min(_timed(lambda: classify_text(long_text, model=model)) for _ in range(3))
    assert per_doc <= 0.05, per_doc


def _timed(fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t0


def test_staff_see_why_in_words() -> None:
    c = classify_text(
        "OCMW Antwerpen\nBetreft: leefloon\nHet Bijzonder Comité heeft beslist u een leefloon "
        "toe te kennen aan het tarief alleenstaande. Uw maatschappelijk werker neemt contact op."
    )
    assert c.category == "allowances"
    text = " ".join(c.reasons)
    assert "institution 'ocmw' -> allowances" in text
    assert "(model)" in text and "leefloon" in text


def test_without_a_model_the_rules_decide() -> None:
    c = classify_text("Office des Étrangers. Votre titre de séjour est prolongé.", model=None)
    assert c.category == "residence"
    assert all("(model)" not in r for r in c.reasons)


def test_the_deadline_filter_keeps_plain_deadlines() -> None:
    """The shipped model's deadline filter (learned on the corpora's gold deadlines) keeps
    what any reader would call a deadline."""
    shipped = shipped_model()
    assert shipped is not None and shipped.deadlines is not None
    page = OcrPage(
        [],
        "CPAS de Liège\nLiège, le 4 janvier 2027\nObjet : documents manquants\nMadame, "
        "veuillez nous faire parvenir vos fiches de paie au plus tard le 25 janvier 2027. "
        "Vous êtes convoquée le mardi 2 février 2027 à 10h00.",
        "fra", 1654, 2339, 200.0,
    )  # fmt: skip
    u = understand([page], today=dt.date(2027, 1, 5))
    assert [d.date for d in u.deadlines] == [dt.date(2027, 1, 25), dt.date(2027, 2, 2)]


def test_two_dates_of_one_sentence_reach_the_filter_with_their_own_words() -> None:
    """The filter reads the words beside each date, not only its sentence: otherwise every
    date of "… du 3 mars, à payer avant le 30 avril" looks the same to it."""
    text = (
        "Liège, le 1er février 2027\nMadame, nous vous attendons le 3 mars 2027 à la réunion, "
        "et la facture est à payer avant le 30 avril 2027 au plus tard."
    )
    found = find_deadlines(text, doc_date=dt.date(2027, 2, 1))
    assert [d.date for d in found] == [dt.date(2027, 3, 3), dt.date(2027, 4, 30)]
    first, second = (
        deadline_features(d.text, d.kind, d.computed, 30, d.before, d.after) for d in found
    )
    assert {"l attendons", "a reunion"} <= set(first) and "l avant" not in first
    assert {"l payer", "l avant", "a plus", "a tard"} <= set(second) and "a reunion" not in second
    assert [f for f in first if f.startswith("w ")] == [f for f in second if f.startswith("w ")]
    # the context is for the filter only: two deadlines on the same date and kind are equal
    assert found[0] == Deadline(found[0].date, found[0].kind, found[0].text, found[0].computed)


def test_real_public_texts_weigh_more_than_written_letters() -> None:
    """A document copied from a real source (it has a source_url) counts REAL_WEIGHT times in
    training; a writer's letter and a template count once (docs/understanding.md)."""
    letter = {"id": "W-1", "category": "housing", "text": "Votre loyer de mars reste impayé.",
              "deadlines": []}  # fmt: skip
    real = {**letter, "id": "R-1", "source_url": "https://example.org/page"}
    template = {**letter, "id": "T-1"}
    corpora = {"W": train.prepare([letter]), "R": train.prepare([real]),
               "T": train.prepare([template])}  # fmt: skip
    train._weigh(corpora, train.Config())
    assert train.REAL_WEIGHT > 1
    assert corpora["R"][0].weight == train.REAL_WEIGHT
    assert corpora["W"][0].weight == 1.0
    assert corpora["T"][0].weight == train.Config().template_weight


def test_the_deadline_threshold_keeps_most_deadlines_on_a_flat_top() -> None:
    """Among thresholds whose F1 is within DEADLINE_F1_TOLERANCE of the best, the lowest is
    kept (staff confirm every deadline; a missed one costs the person more)."""
    tol = train.DEADLINE_F1_TOLERANCE
    flat = [(0.880, 0.35), (0.899 - tol / 2, 0.4), (0.898, 0.45), (0.899, 0.55), (0.890, 0.6)]
    assert train.lowest_near_best(flat) == 0.4
    peaked = [(0.850, 0.4), (0.899 - 2 * tol, 0.45), (0.899, 0.5), (0.870, 0.55)]
    assert train.lowest_near_best(peaked) == 0.5
