"""The character tokenizer's contract: one token per non-space character, doc.text == text,
offsets into the original text, NFKC norms, optional jieba word/POS features."""

import spacy

import kg.nlp.tokenizer  # noqa: F401  (registers kg.CharTokenizer.v1)
from kg.nlp.tokenizer import CharTokenizer, jieba_char_features, normalize_text


def _nlp(jieba_features: bool = False):
    tokenizer = {"@tokenizers": "kg.CharTokenizer.v1", "jieba_features": jieba_features}
    return spacy.blank("zh", config={"nlp": {"tokenizer": tokenizer}})


def test_tokenizer_one_token_per_char_and_text_roundtrip():
    text = "江泽民在北京 会见 ABC公司, 1998年（上午）"
    doc = _nlp()(text)
    assert doc.text == text
    assert [t.text for t in doc] == [ch for ch in text if ch != " "]
    for token in doc:
        assert text[token.idx] == token.text


def test_tokenizer_keeps_runs_of_whitespace_as_tokens():
    text = "甲  乙\n丙"
    doc = _nlp()(text)
    assert doc.text == text
    assert [t.text for t in doc] == ["甲", " ", "乙", "\n", "丙"]


def test_tokenizer_norm_is_nfkc_of_fullwidth_chars():
    doc = _nlp()("１９９８年，ＡＢ")
    assert [t.norm_ for t in doc] == ["1", "9", "9", "8", "年", ",", "a", "b"]
    assert [t.text for t in doc] == list("１９９８年，ＡＢ")


def test_tokenizer_normalize_text_keeps_length():
    text = "㈱１，Ａ…"
    assert len(normalize_text(text)) == len(text)


def test_tokenizer_jieba_features_on_words_with_bies_pos():
    doc = _nlp(jieba_features=True)("国家主席江泽民")
    assert [t.lemma_ for t in doc] == ["国家"] * 2 + ["主席"] * 2 + ["江泽民"] * 3
    assert [t.tag_[0] for t in doc] == list("BEBEBIE")
    assert doc[4].tag_ == "B-nr"


def test_tokenizer_jieba_features_same_for_fullwidth_and_halfwidth():
    nlp = _nlp(jieba_features=True)
    full = nlp("新华社北京３月１０日电，ＡＢＣ公司（上海）")
    half = nlp("新华社北京3月10日电,ABC公司(上海)")
    assert [t.norm_ for t in full] == [t.norm_ for t in half]
    assert [t.lemma_ for t in full] == [t.lemma_ for t in half]
    assert [t.tag_ for t in full] == [t.tag_ for t in half]


def test_tokenizer_jieba_features_align_with_spaces():
    text = "北京 上海  广州"
    doc = _nlp(jieba_features=True)(text)
    assert doc.text == text
    assert all(t.lemma_ for t in doc)
    words, tags = jieba_char_features(text)
    assert len(words) == len(tags) == len(text)
    # the features of the character tokens, not of the spaces spaCy keeps as trailing whitespace
    assert [t.lemma_ for t in doc if not t.is_space] == ["北京"] * 2 + ["上海"] * 2 + ["广州"] * 2
    assert [t.tag_ for t in doc if not t.is_space] == ["B-ns", "E-ns"] * 3


def test_tokenizer_empty_text():
    doc = CharTokenizer(_nlp().vocab, jieba_features=True)("")
    assert len(doc) == 0 and doc.text == ""


def _jieba_reference(text):
    import jieba.posseg

    return [(pair.word, pair.flag) for pair in jieba.posseg.dt.cut(text, HMM=False)]


def test_jieba_words_cut_as_jieba_does():
    """kg's one-pass cut gives jieba's own words and tags, ties and odd input included."""
    from pathlib import Path

    from kg.nlp.lexicons import dictionary_cut

    pages = sorted(Path(__file__).resolve().parents[2].glob("seeds/*.txt")) + sorted(
        Path(__file__).resolve().parents[1].glob("gold/*/sentences.md")
    )
    texts = [line for page in pages for line in page.read_text(encoding="utf-8").splitlines()]
    texts += [
        "", " ", "a\r\nb", "\r\n\r\n", "ABC123 abc．", "Ｔ恤和3G手机\t\n。。", "中国\u3000人民", "x.y_z+c#d&e",
        "〇一二", "⺀⼀", "iPhone 12 Pro 售价 5999元。", "结婚的和尚未结婚的", "他说的确实在理",
    ]
    texts += [normalize_text(t) for t in texts]
    assert len(texts) > 200
    words = dictionary_cut()
    for text in texts + texts:  # the second time from the cache of blocks
        assert words.cut(text) == _jieba_reference(text), text
