"""Placeholders are filled in one pass; command-line wording becomes a sentence."""

from ictdesk.gui.text import fill, sentence


def test_a_value_holding_a_placeholder_is_not_filled_again():
    # "bao-cao-%2.pdf" came out as "bao-cao-3.pdf" with chained .replace calls
    assert fill("Saved %1 (%2 pages)", "bao-cao-%2.pdf", 3) == "Saved bao-cao-%2.pdf (3 pages)"


def test_placeholders_in_any_order_and_past_nine():
    assert fill("%2 của %1", "a", "b") == "b của a"
    assert fill("%10-%1", *range(1, 11)) == "10-1"


def test_a_placeholder_without_a_value_stays():
    assert fill("%1 and %3", "x") == "x and %3"


def test_a_command_line_notice_becomes_a_sentence_of_its_own():
    assert sentence("không có số liệu (202501)") == "Không có số liệu (202501)."
    assert sentence("done.") == "Done."  # one full stop
