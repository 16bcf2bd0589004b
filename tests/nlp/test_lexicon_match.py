from kg.nlp.lexicon_match import lexicon_masks

B_NS, E_NS, M_NT = 1 << 1, 1 << (10 + 1), 1 << (5 + 2)


def test_every_dictionary_word_marks_its_characters():
    classes, lengths = lexicon_masks("去北京大学")
    assert len(classes) == len(lengths) == 5
    assert classes[0] == 0  # 去 begins no word of two or more characters here
    assert classes[1] & B_NS  # 北京 (ns) begins at 北 ...
    assert classes[2] & E_NS  # ... and ends at 京
    assert classes[2] & M_NT  # 北京大学 (nt) goes on through 京
    assert lengths[1] & (1 << 2)  # a four-character word begins at 北


def test_no_words_no_bits():
    assert lexicon_masks("") == ([], [])
    assert lexicon_masks("，。") == ([0, 0], [0, 0])
