"""A compact BERT-style passage classifier, trained here (torch + transformers).

No pretrained Chinese checkpoint can be downloaded, so the model is built from
what the project holds: a character-level WordPiece tokenizer from the corpus
(``tokenizer.json``; never ``BertTokenizerFast(vocab_file=...)``, which in
transformers 5 silently maps everything to [UNK]), masked-language-model
pretraining on all the project's Chinese text, then multi-label fine-tuning
over the 20 articles. ``base_model`` points at a local BERT-family checkpoint
instead (``local_files_only``): the same code fine-tunes it.

torch and transformers are imported only when this model is used.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path

import numpy as np

from .base import NotFittedError

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def build_tokenizer(texts: list[str], min_count: int = 2):
    """Character-level WordPiece tokenizer (every CJK character a token) as a fast tokenizer object."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    counts = Counter(ch for t in texts for ch in t if not ch.isspace())
    chars = sorted(c for c, n in counts.items() if n >= min_count)
    vocab = {tok: i for i, tok in enumerate(SPECIALS)}
    for ch in chars:
        vocab.setdefault(ch.lower(), len(vocab))
    for ch in "abcdefghijklmnopqrstuvwxyz0123456789":
        vocab.setdefault(ch, len(vocab))
        vocab.setdefault("##" + ch, len(vocab))
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=64))
    tok.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=False,
                                                lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])])
    tok.decoder = decoders.WordPiece()
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                  sep_token="[SEP]", mask_token="[MASK]")


class TransformerPassageClassifier:
    """BERT (hidden 128–256, 2–4 layers) → 20 sigmoid outputs; MLM pretraining first when built from scratch."""

    name = "transformer"

    def __init__(self, hidden: int = 128, layers: int = 2, heads: int = 4, max_len: int = 128, epochs: int = 12,
                 mlm_epochs: int = 4, batch_size: int = 32, lr: float = 5e-4, base_model: str | None = None,
                 seed: int = 0, threads: int = 0, min_df: int = 2, pos_weight: float = 0.0,
                 device: str | None = None) -> None:
        self.hidden, self.layers, self.heads, self.max_len = hidden, layers, heads, max_len
        self.epochs, self.mlm_epochs, self.batch_size, self.lr = epochs, mlm_epochs, batch_size, lr
        self.base_model, self.seed, self.threads, self.min_df = base_model, seed, threads, min_df
        #: Cap of the per-article positive weight (negatives/positives) in the loss; 0 = plain BCE. Most passages
        #: cover nothing and most articles are rare, so unweighted training learns to say "none".
        self.pos_weight = pos_weight
        self.device = device

    # ------------------------------------------------------------------ training
    def _setup(self):
        import torch

        torch.manual_seed(self.seed)
        random.seed(self.seed)
        np.random.seed(self.seed)
        if self.threads:
            torch.set_num_threads(self.threads)
        return torch

    def fit(self, texts: list[str], Y: np.ndarray, unlabelled: list[str] | None = None,
            log=print) -> TransformerPassageClassifier:
        torch = self._setup()
        from transformers import AutoTokenizer, BertConfig, BertForMaskedLM, BertForSequenceClassification

        # Training runs on the GPU when one is present (CPU by default); inference always on the CPU copy.
        self._dev = self.device or ("cuda" if torch.cuda.is_available() else "cpu")

        n_labels = Y.shape[1]
        if self.base_model:
            self.tokenizer_ = AutoTokenizer.from_pretrained(self.base_model, local_files_only=True)
            model = BertForSequenceClassification.from_pretrained(
                self.base_model, num_labels=n_labels, problem_type="multi_label_classification", local_files_only=True)
        else:
            corpus = [*texts, *(unlabelled or [])]
            self.tokenizer_ = build_tokenizer(corpus, self.min_df)
            config = BertConfig(vocab_size=len(self.tokenizer_), hidden_size=self.hidden,
                                num_hidden_layers=self.layers, num_attention_heads=self.heads,
                                intermediate_size=4 * self.hidden, max_position_embeddings=self.max_len + 2,
                                type_vocab_size=1, num_labels=n_labels, problem_type="multi_label_classification",
                                pad_token_id=self.tokenizer_.pad_token_id)
            mlm = BertForMaskedLM(config).to(self._dev)
            if self.mlm_epochs:
                self._pretrain(mlm, corpus, torch, log)
            model = BertForSequenceClassification(config)
            model.bert.load_state_dict(mlm.bert.state_dict(), strict=False)
        self._finetune(model.to(self._dev), texts, Y.astype(np.float32), torch, log)
        self.model_ = model.to("cpu").eval()
        return self

    def _batches(self, items: list, shuffle: bool):
        order = list(range(len(items)))
        if shuffle:
            random.shuffle(order)
        for i in range(0, len(order), self.batch_size):
            yield [items[j] for j in order[i : i + self.batch_size]]

    def _encode(self, texts: list[str]):
        return self.tokenizer_(texts, truncation=True, max_length=self.max_len, padding=True, return_tensors="pt")

    def _length_batches(self, lengths: list[int]) -> list[list[int]]:
        """Batches of similar length in random order: far less padding than random batches, same epochs."""
        order = sorted(range(len(lengths)), key=lambda i: (lengths[i], random.random()))
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        random.shuffle(batches)
        return batches

    def _pretrain(self, mlm, corpus: list[str], torch, log) -> None:
        from transformers import DataCollatorForLanguageModeling

        collator = DataCollatorForLanguageModeling(self.tokenizer_, mlm_probability=0.15)
        optim = torch.optim.AdamW(mlm.parameters(), lr=self.lr)
        ids_all = self.tokenizer_(corpus, truncation=True, max_length=self.max_len)["input_ids"]  # once, not per epoch
        mlm.train()
        for epoch in range(self.mlm_epochs):
            total, batches = 0.0, self._length_batches([len(x) for x in ids_all])
            for batch in batches:
                inputs = collator([{"input_ids": ids_all[i]} for i in batch])
                ids, labels = inputs["input_ids"].to(self._dev), inputs["labels"].to(self._dev)
                hidden = mlm.bert(input_ids=ids, attention_mask=(ids != self.tokenizer_.pad_token_id).long()).last_hidden_state
                masked = labels != -100
                # The vocabulary projection only where a token was masked: most of the cost of a small model's step.
                logits = mlm.cls(hidden[masked])
                loss = torch.nn.functional.cross_entropy(logits, labels[masked])
                optim.zero_grad()
                loss.backward()
                optim.step()
                total += float(loss.detach())
            log(f"  MLM epoch {epoch + 1}/{self.mlm_epochs}: loss {total / max(1, len(batches)):.3f}")

    def _finetune(self, model, texts: list[str], Y: np.ndarray, torch, log) -> None:
        optim = torch.optim.AdamW(model.parameters(), lr=self.lr if not self.base_model else 5e-5)
        pairs = list(zip(texts, Y))
        weight = None
        if self.pos_weight:
            pos = Y.sum(axis=0)
            weight = torch.tensor(np.clip((len(Y) - pos) / np.maximum(pos, 1), 1.0, self.pos_weight), dtype=torch.float32,
                                  device=self._dev)
        loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=weight)
        model.train()
        for epoch in range(self.epochs):
            total = 0.0
            for idx in self._length_batches([len(t) for t in texts]):
                batch = [pairs[i] for i in idx]
                enc = self._encode([t for t, _ in batch]).to(self._dev)
                labels = torch.tensor(np.stack([y for _, y in batch]), device=self._dev)
                loss = loss_fn(model(**enc).logits, labels)
                optim.zero_grad()
                loss.backward()
                optim.step()
                total += float(loss.detach())
            log(f"  fine-tune epoch {epoch + 1}/{self.epochs}: loss {total / max(1, math.ceil(len(pairs) / self.batch_size)):.4f}")

    # ------------------------------------------------------------------ inference
    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if not hasattr(self, "model_"):
            raise NotFittedError("模型尚未训练或加载（TransformerPassageClassifier）。")
        if not texts:
            return np.zeros((0, self.model_.config.num_labels), dtype=np.float32)
        torch = self._setup()
        out = []
        with torch.inference_mode():
            for batch in self._batches(texts, shuffle=False):
                logits = self.model_(**self._encode(batch)).logits
                out.append(torch.sigmoid(logits).numpy())
        return np.concatenate(out).astype(np.float32)

    # ------------------------------------------------------------------ persistence
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.model_.save_pretrained(directory, safe_serialization=True)
        self.tokenizer_.save_pretrained(directory)
        params = {k: getattr(self, k) for k in ("hidden", "layers", "heads", "max_len", "epochs", "mlm_epochs",
                                                "batch_size", "lr", "seed", "threads", "min_df", "pos_weight")}
        (directory / "params.json").write_text(json.dumps(params, indent=1), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> TransformerPassageClassifier:
        from transformers import BertForSequenceClassification, PreTrainedTokenizerFast
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bars in the middle of a batch
        params = json.loads((directory / "params.json").read_text(encoding="utf-8"))
        params["threads"] = 0  # inference: torch's default (the cores), or the batch executor's share of them
        model = cls(**params)
        model.tokenizer_ = PreTrainedTokenizerFast.from_pretrained(str(directory), local_files_only=True)
        model.model_ = BertForSequenceClassification.from_pretrained(str(directory), local_files_only=True,
                                                                     use_safetensors=True).eval()
        return model


class EnsemblePassageClassifier:
    """Mean of calibrated probabilities from several passage classifiers."""

    name = "ensemble"

    def __init__(self, members: list | None = None) -> None:
        self.members = members or []

    def fit(self, texts: list[str], Y: np.ndarray) -> EnsemblePassageClassifier:
        for m in self.members:
            m.fit(texts, Y)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if not self.members:
            raise NotFittedError("集成模型没有成员。")
        return np.mean([m.predict_proba(texts) for m in self.members], axis=0)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        names = [f"{i}-{m.name}" for i, m in enumerate(self.members)]
        for folder, m in zip(names, self.members):
            m.save(directory / folder)
        (directory / "members.json").write_text(json.dumps(names), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> EnsemblePassageClassifier:
        from . import model_class

        names = json.loads((directory / "members.json").read_text(encoding="utf-8"))
        return cls([model_class(n.split("-", 1)[1]).load(directory / n) for n in names])
