"""kg.nlp.pretrain: masking hides characters and nothing else; the weights it writes start training."""

import random

import spacy

from kg.nlp.pretrain import DEFAULT_CONFIG, MASK, char_classes, mask, pretrain

TEXTS = [f"{city}市{kind}与{firm}签署合作协议，总投资{n}亿元。"
         for city in ("潍坊", "临沂", "济宁", "淄博") for kind in ("政府", "商务局")
         for firm in ("华宇新材料科技有限公司", "东岳集团") for n in (3, 12)]


def test_mask_hides_a_share_of_the_characters_and_keeps_offsets():
    text = "记者 鞠文涛 通讯员 栾晓 报道：" * 40
    masked, hidden = mask(text, random.Random(0))
    assert len(masked) == len(text)
    assert all(masked[i] == MASK and not text[i].isspace() for i in hidden)
    assert all(masked[i] == text[i] for i in range(len(text)) if i not in set(hidden))
    assert 0.10 < len(hidden) / sum(not c.isspace() for c in text) < 0.20


def test_char_classes_are_the_most_frequent_characters():
    classes = char_classes(["甲乙乙丙丙丙", "丙 乙"], 2)
    assert classes == {"丙": 0, "乙": 1}


def test_pretrained_weights_load_into_the_configs_encoder(tmp_path):
    out = pretrain(TEXTS, tmp_path / "tok2vec.bin", steps=3, batch_size=8, classes=50)
    cfg = spacy.util.load_config(DEFAULT_CONFIG, overrides={"paths.train": None, "paths.dev": None}, interpolate=False)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=False)
    tok2vec = nlp.get_pipe("tok2vec").model
    tok2vec.initialize(X=[nlp.make_doc(t) for t in TEXTS[:4]])
    before = tok2vec.predict([nlp.make_doc(TEXTS[0])])[0].copy()
    tok2vec.from_bytes(out.read_bytes())
    after = tok2vec.predict([nlp.make_doc(TEXTS[0])])[0]
    assert after.shape == before.shape
    assert abs(after - before).max() > 1e-4  # the pretrained weights, not a fresh start
