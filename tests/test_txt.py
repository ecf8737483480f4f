"""Text files in the encodings offices use; bad bytes never crash."""

from __future__ import annotations

import pytest

from analyzer.extract.txt import decode_bytes, looks_hard_wrapped

TEXT = "湖北省生态环境厅关于2023年度生态环境保护职责履行情况的报告\n省委、省政府：\n现将有关情况报告如下。"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_txt_decodes_office_encodings(encoded: bytes, encoding: str) -> None:
    text, found = decode_bytes(encoded)
    assert text == TEXT
    assert found == encoding


def test_txt_detects_big5() -> None:
    traditional = "臺灣省政府環境保護處關於年度環境保護工作報告，現將有關情況報告如下。各單位應認真落實。" * 3
    text, found = decode_bytes(traditional.encode("big5"))
    assert found == "big5"
    assert text == traditional


def test_txt_bad_bytes_are_replaced_not_fatal() -> None:
    data = TEXT.encode("gb18030") + b"\xff\xfe\x81" + TEXT.encode("gb18030")
    text, _ = decode_bytes(data)
    assert "生态环境厅" in text


def test_txt_hard_wrap_detection() -> None:
    wrapped = ["甲" * 28] * 8 + ["乙" * 5]
    assert looks_hard_wrapped(wrapped)
    assert not looks_hard_wrapped(["甲" * n for n in (40, 13, 77, 25, 60, 31, 90)])
