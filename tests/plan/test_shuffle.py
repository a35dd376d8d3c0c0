from collections import Counter

from viennaplan.plan.shuffle import phrase_index, run_counts, unshuffle

NAME = "the United Nations Development Assistance Framework"


def _mend(texts, text):
    counts: Counter = run_counts([*texts, text])
    return unshuffle(text, phrase_index(counts), counts)


def test_a_shuffled_name_printed_correctly_elsewhere_is_put_in_order():
    text, changes = _mend([f"see {NAME} here"] * 3, "for example, Nations the United Development Assistance Framework.")
    assert text == f"for example, {NAME}."
    assert len(changes) == 1


def test_a_name_printed_fewer_than_three_times_is_not_a_reference():
    text, changes = _mend([f"see {NAME} here"] * 2, "Nations the United Development Assistance Framework")
    assert changes == [] and text.startswith("Nations the United")


def test_common_words_in_another_order_are_left_alone():
    texts = ["and implementation of the Convention and more"] * 4
    text, changes = _mend(texts, "ratification and implementation of the Convention")
    assert changes == []


def test_a_window_sliding_over_a_phrase_is_not_taken_for_a_shuffle():
    texts = ["to the Conference of States Parties to the Convention"] * 4
    _, changes = _mend(texts, "support the Conference of States Parties to the Convention")
    assert changes == []
