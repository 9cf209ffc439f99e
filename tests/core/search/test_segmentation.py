"""Chinese text is cut into words the same way for content and queries; workers load the dictionary at start."""

import pytest

from core.search import segment

pytestmark = pytest.mark.django_db


# --- 16. segmentation ------------------------------------------------------------------------------


def test_traditional_text_is_segmented_into_simplified_words():
    assert segment.words("聯絡員工作會議") == ["联络员", "工作", "会议"]


def test_sub_words_share_the_position_of_the_word_they_are_in():
    positioned = list(segment.positioned_words("联络员工作会议"))

    assert (1, "联络员") in positioned and (1, "联络") in positioned
    assert [word for position, word in positioned if position == 2] == ["工作"]
    assert [word for position, word in positioned if position == 3] == ["会议"]


def test_positions_start_where_asked_and_punctuation_takes_a_position_of_its_own():
    positioned = list(segment.positioned_words("联络员，会议！", start=10))

    assert positioned == [(10, "联络员"), (10, "联络"), (12, "会议")]


def test_a_web_worker_loads_the_word_dictionary_as_it_starts():
    import importlib

    import config.wsgi

    segment._tokenizer.cache_clear()
    importlib.reload(config.wsgi)
    assert segment._tokenizer.cache_info().currsize == 1
