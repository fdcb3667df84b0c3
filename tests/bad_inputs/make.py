"""Writes the bad-input corpus: ``python tests/bad_inputs/make.py`` (the files are committed).

Each case is a file, or a folder of files, that a build reads from ``seeds/``; ``expected.yaml``
says what must happen to it. Cases are generated so that binary and huge inputs are reproducible.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = (HERE.parent.parent / "seeds" / "bulletin-268-1.txt").read_text(encoding="utf-8")
CASES = HERE / "cases"

NEWS = "简报·第{n}期(上)\n\n资讯传递\n\n{title}\n\n  {body}\n来源:测试日报 2024-01-05\n"
POLICY = ("简报·第{n}期(上)\n\n政策速递\n\n关于{title}的通知\n\n测发〔2024〕{n}号\n各单位:\n"
          "  {body}\n某某局\n2024年1月6日\n")
XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>"><svg onload=alert(3)>javascript:alert(4)'
SPECIALS = "#>*_|`[]{}!<&\\+-=~^"


def glossary(*entries: tuple[str, str, str]) -> str:
    lines = ["terms:"]
    for term, aliases, definition in entries:
        lines += [f"  - term: {term}", f"    aliases: {aliases}", "    category: 测试", f"    definition: {definition}"]
    return "\n".join(lines) + "\n"


def _han(number: int) -> str:
    """Digits written with Han numerals, place by place (305 → 三零五): section titles are Han only."""
    return "".join("零一二三四五六七八九"[int(d)] for d in str(number))


def text_cases() -> dict[str, str]:
    rnd = random.Random(268)
    return {
        "blank-lines.txt": " \n\u3000\n\t\n",
        "no-sections.txt": "简报·第1期(上)\n\n只有一段没有栏目的文字。\n",
        "only-header.txt": "您当前所在位置:主页 > 简报\n简报·第2期(下)\n",
        "no-title.txt": "资讯传递\n\n没有期号的一期\n\n  正文。\n来源:测试日报 2024-01-05\n",
        "hostile-markdown.txt": NEWS.format(n=3, title="# 标题 > 引用 * 列表", body=" ".join(SPECIALS) + " 1. 2) - + --- === ```"),
        "xss-in-news.txt": NEWS.format(n=4, title=f"标题{XSS}", body=f"正文{XSS}（以下简称{XSS}）"),
        "xss-in-policy.txt": POLICY.format(n=5, title=XSS, body=f"一、{XSS}。正文{XSS}（{XSS}按职责负责）"),
        "xss-in-definition.txt": NEWS.format(n=6, title="定义", body=f"某某{XSS}（以下简称“坏名”）正文，坏名出现。"),
        "control-chars.txt": NEWS.format(n=7, title="控制\x02字符\x03", body="正文\x01\x02\x03\x07\x08\x1b\x1f\x7f\x85\x9f结束"),
        "bidi-and-astral.txt": NEWS.format(n=8, title="方向\u202e反转\u202c", body="𠀀𪚥😀\u200d\ufeff\u2028\u2029正文"),
        "long-line-specials.txt": NEWS.format(n=9, title="长行", body="".join(rnd.choice(SPECIALS + "甲乙") for _ in range(200_000))),
        "long-title.txt": NEWS.format(n=10, title="长" * 50_000 + "*" * 5_000, body="正文。"),
        "many-citations.txt": POLICY.format(n=11, title="引用", body="依据国办发〔2023〕37号、" * 5_000),
        "many-sections.txt": "简报·第12期\n\n" + "".join(f"栏目{_han(k)}\n\n标题{k}\n\n  正文。\n来源:测试日报 2024-01-05\n\n" for k in range(300)),
        "deep-clauses.txt": POLICY.format(n=13, title="深层条款", body="一、总则。正文。\n(一)分则。正文。\n" + "\n".join(
            f"{k}.第{k}项。内容。\n({k})细项。内容。" for k in range(1, 500))),
        "repeated-clause-numbers.txt": POLICY.format(n=14, title="重号", body="一、甲。正文。\n一、乙。正文。\n(一)丙。正文。\n(一)丁。正文。"),
        "news-title-top.txt": NEWS.format(n=15, title="TOP", body="正文。"),
        "fullwidth-doc-number.txt": POLICY.format(n=16, title="全角", body="正文。").replace("测发〔2024〕16号", "测发［２０２４］１６号"),
        "bad-dates.txt": NEWS.format(n=17, title="坏日期", body="正文。").replace("2024-01-05", "2023-13-45"),
        "tabs-and-nbsp.txt": NEWS.format(n=18, title="缩进", body="\t\u00a0\u3000正文\t有\u00a0空白\u3000。"),
        "only-punctuation.txt": NEWS.format(n=19, title="。，、；：？！", body="“”‘’（）《》〔〕【】……——"),
        "unclosed-brackets.txt": POLICY.format(n=20, title="《未闭合（括号〔", body="《甲（乙〔丙【丁“戊"),
        "huge-department-list.txt": POLICY.format(n=21, title="部门", body="一、措施。正文（" + "、".join(f"部门{k}" for k in range(2000)) + "按职责负责）"),
        "random-unicode.txt": "".join(chr(rnd.choice([rnd.randrange(0x20, 0x7F), rnd.randrange(0x4E00, 0x9FFF), rnd.randrange(0x3000, 0x303F)]))
                                      for _ in range(20_000)) + "\n",
        "seed-stray-cr.txt": SEED.replace("做好科技金融大文章 推动经济高质量发展\n", "做好科技金融大文章\r推动经济高质量发展\n", 1),
    }


def byte_cases() -> dict[str, bytes]:
    rnd = random.Random(9704)
    return {
        "empty.txt": b"",
        "binary.txt": bytes(rnd.randrange(256) for _ in range(4096)),
        "bad-utf8-byte.txt": ("关于引导保险资金的通知。\n" * 5).encode() + b"\xe5\x85 x\n" + "正文内容。\n".encode() * 20,
        "lone-surrogate.txt": ("正文内容一二三四五六七八九十。\n" * 5).encode() + b"\xed\xa0\x80\n",
        "nul-in-text.txt": ("正文内容一二三四五六七八九十。\n" * 3).encode() + "第四行\x00有空字符\n".encode(),
        "seed-utf16le.txt": SEED.encode("utf-16-le"),
        "seed-utf16be.txt": SEED.encode("utf-16-be"),
        "seed-utf16-bom.txt": SEED.encode("utf-16"),
        "seed-utf8-bom.txt": SEED.encode("utf-8-sig"),
        "seed-gb18030.txt": SEED.encode("gb18030"),
        "seed-crlf.txt": SEED.replace("\n", "\r\n").encode(),
        "seed-cr-only.txt": SEED.replace("\n", "\r").encode(),
        "SHOUTING.TXT": NEWS.format(n=30, title="大写扩展名", body="正文。").encode(),
    }


def folder_cases() -> dict[str, dict[str, bytes]]:
    good = NEWS.format(n=40, title="消息", body="正文北交所。").encode()
    return {
        "duplicate-issue": {"a.txt": good, "b.txt": good},
        "unknown-file-beside": {"a.txt": good, "notes.doc": b"not a bulletin"},
        "no-bulletin-only-notes": {"notes.doc": b"not a bulletin"},
        "glossary-not-utf8": {"x.txt": good, "glossary.yaml": glossary(("北交所", "[]", "北京证券交易所。")).encode("gbk")},
        "glossary-bad-yaml": {"x.txt": good, "glossary.yaml": b"terms:\n  - term: [\n"},
        "glossary-aliases-string": {"x.txt": good, "glossary.yaml": glossary(("北京证券交易所", "北交所", "交易所。")).encode()},
        "glossary-missing-key": {"x.txt": good, "glossary.yaml": b"terms:\n  - term: \xe7\x94\xb2\n    definition: x\n"},
        "glossary-duplicate-form": {"x.txt": good, "glossary.yaml": glossary(("甲方", "[乙方]", "一。"), ("丙方", "[乙方]", "二。")).encode()},
        "glossary-one-char": {"x.txt": good, "glossary.yaml": glossary(("北", "[]", "方向。")).encode()},
        "glossary-xss": {"x.txt": good, "glossary.yaml": glossary(("北交所", "[]", f"'{XSS}'")).encode()},
        "glossary-index-term": {"x.txt": good, "glossary.yaml": glossary(("Index", "[]", "指数。")).encode()},
        "glossary-pinyin-collision": {"x.txt": good, "glossary.yaml": glossary(("中药", "[]", "中医用药。"), ("重要", "[]", "要紧。")).encode()},
        "glossary-not-a-list": {"x.txt": good, "glossary.yaml": b"terms: nothing\n"},
        "glossary-yaml-aliases-bomb": {"x.txt": good, "glossary.yaml": (b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                                                                         b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nterms: [*c, *c, *c]\n")},
    }


def main() -> None:
    shutil.rmtree(CASES, ignore_errors=True)
    CASES.mkdir()
    for name, text in text_cases().items():
        (CASES / name).write_bytes(text.encode("utf-8"))
    for name, data in byte_cases().items():
        (CASES / name).write_bytes(data)
    for name, files in folder_cases().items():
        (CASES / name).mkdir()
        for file, data in files.items():
            (CASES / name / file).write_bytes(data)


if __name__ == "__main__":
    main()
