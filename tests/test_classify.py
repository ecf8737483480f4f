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


def _small(name: str):
    """Each registered model at a size that trains in seconds."""
    from analyzer.classify import EnsemblePassageClassifier, LinearPassageClassifier, TransformerPassageClassifier

    if name == "transformer":
        return TransformerPassageClassifier(hidden=32, layers=1, heads=2, epochs=40, mlm_epochs=1, lr=3e-3, min_df=1,
                                            batch_size=8, pos_weight=5.0)  # the weighted loss the shipped recipe uses
    if name == "ensemble":
        return EnsemblePassageClassifier([LinearPassageClassifier(min_df=1), _small("transformer")])
    return MODELS[name](min_df=1)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_classify_contract(name: str, tmp_path: Path) -> None:
    cls = MODELS[name]
    model = _small(name)
    if name != "ensemble":  # an ensemble's members are what get fitted
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
    np.testing.assert_allclose(again.predict_proba(TEXTS[:6]), proba, atol=5e-3)


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


def test_classify_transformer_tokenizer_knows_the_characters(tmp_path: Path) -> None:
    """transformers 5 trap: BertTokenizerFast(vocab_file=...) maps everything to [UNK]; ours must not."""
    from analyzer.classify.transformer import build_tokenizer

    tok = build_tokenizer(TEXTS, min_count=1)
    ids = tok("由市生态环境局牵头，建立清单。")["input_ids"]
    assert tok.unk_token_id not in ids
    assert tok.convert_ids_to_tokens(ids)[:3] == ["[CLS]", "由", "市"]
    tok.save_pretrained(tmp_path)
    from transformers import PreTrainedTokenizerFast

    again = PreTrainedTokenizerFast.from_pretrained(str(tmp_path), local_files_only=True)
    assert again("生态环境")["input_ids"] == tok("生态环境")["input_ids"]


def test_classify_transformer_fine_tunes_a_local_checkpoint(tmp_path: Path) -> None:
    """--base-model: any local BERT-family checkpoint, loaded with local_files_only, fine-tuned for a step."""
    from transformers import BertConfig, BertForMaskedLM

    from analyzer.classify.transformer import TransformerPassageClassifier, build_tokenizer

    tok = build_tokenizer(TEXTS, min_count=1)
    config = BertConfig(vocab_size=len(tok), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=130)
    base = tmp_path / "tiny-bert"
    BertForMaskedLM(config).save_pretrained(base, safe_serialization=True)
    tok.save_pretrained(base)
    model = TransformerPassageClassifier(base_model=str(base), epochs=1, batch_size=8)
    model.fit(TEXTS, labels_to_matrix(LABELS), log=lambda *_: None)
    assert model.predict_proba(TEXTS[:2]).shape == (2, 20)


def test_classify_shipped_transformer_runs_without_download() -> None:
    """`--model transformer` from a fresh clone: the committed weights load from models/ (local files only) and
    rank an article-11 passage above an unrelated one."""
    from analyzer.coverage import load_coverage

    cov = load_coverage("transformer")
    proba = cov.classifier.predict_proba([
        "我局于1月15日前向省委、省政府书面报送上一年度生态环境保护工作专题报告，并抄送省环委办。",
        "春节期间做好值班值守和安全生产工作。",
    ])
    assert proba.shape == (2, 20)
    assert proba[0, 10] > 0.5 > proba[1, 10]
