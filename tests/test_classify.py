"""One contract for every registered passage classifier: shapes, range, round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analyzer.classify import MODELS, NotFittedError, labels_to_matrix

TEXTS = [
    "由市生态环境局牵头，建立生态环境保护具体事项清单并向社会公开。",
    "我局每年一月向市委市政府报告生态环境保护职责履行情况，并抄送市环委办。",
    "今年全市共举办全民健身活动120场，参与群众超过10万人次。",
    "严格落实管行业必须管环保，把环保要求纳入行业审批和监管全过程。",
    "春节期间做好值班值守和安全生产工作。",
    "公安机关与生态环境部门建立案件移送机制，全年移送涉嫌环境犯罪案件12件。",
] * 3
LABELS = [[6, 7], [12], [], [5], [], [18]] * 3


@pytest.mark.parametrize("name", sorted(MODELS))
def test_classify_contract(name: str, tmp_path: Path) -> None:
    cls = MODELS[name]
    model = cls(min_df=1) if "min_df" in cls.__init__.__code__.co_varnames else cls()
    with pytest.raises(NotFittedError):
        model.predict_proba(["未训练"])
    assert model.fit(TEXTS, labels_to_matrix(LABELS)) is model
    proba = model.predict_proba(TEXTS[:6])
    assert proba.shape == (6, 20)
    assert np.all((proba >= 0) & (proba <= 1))
    assert proba[0, 6] > proba[2, 6]  # a lead-list passage scores higher on article 7 than a sports one
    model.save(tmp_path / "m")
    assert not any(p.suffix in (".pkl", ".pickle", ".joblib") for p in (tmp_path / "m").iterdir())
    again = cls.load(tmp_path / "m")
    np.testing.assert_allclose(again.predict_proba(TEXTS[:6]), proba, atol=2e-3)


def test_classify_labels_to_matrix() -> None:
    Y = labels_to_matrix([[1, 20], []])
    assert Y.shape == (2, 20) and Y[0, 0] == Y[0, 19] == 1 and Y.sum() == 2


def test_classify_light_tfidf_matches_scikit_learn() -> None:
    import json

    from sklearn.feature_extraction.text import TfidfVectorizer

    from analyzer.classify.linear import normalize_text
    from analyzer.classify.ngrams import NgramTfidf
    from analyzer.segment import get_segmenter

    from .conftest import ROOT

    texts = [json.loads(line)["text"] for line in (ROOT / "corpora/coverage/passages.jsonl").open(encoding="utf-8")][:400]
    seg = get_segmenter()
    for vec in (
        TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, sublinear_tf=True, preprocessor=normalize_text),
        TfidfVectorizer(analyzer="word", tokenizer=seg.cut, token_pattern=None, lowercase=False, ngram_range=(1, 2),
                        min_df=2, sublinear_tf=True, preprocessor=normalize_text),
    ):
        vec.fit(texts[:300])
        ours = NgramTfidf.from_sklearn(vec).transform(texts[300:])
        np.testing.assert_allclose(ours.toarray(), vec.transform(texts[300:]).toarray(), atol=1e-5)
