"""Recognition: spans, rule order, ranges, and what must not be taken for a time."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.extract.timex import TimeTagger, normalize


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def spans(tagger, text):
    return [m.text for m in tagger.recognize(text)]


def test_longest_match_wins_and_spans_are_exact(tagger):
    text = "Op dinsdag 12 juni 2018 om 20.00 uur begon het overleg, dat tot nu toe geen akkoord opleverde."
    found = tagger.recognize(text)
    assert [m.text for m in found] == ["dinsdag 12 juni 2018 om 20.00 uur", "tot nu toe"]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_a_range_gives_two_expressions_sharing_month_and_year(tagger):
    found = tagger.recognize("De beurs is van 24 tot en met 26 oktober 2019 geopend.")
    assert [(m.text, m.expression.day, m.expression.month, m.expression.year) for m in found] == [
        ("24", 24, 10, 2019), ("26 oktober 2019", 26, 10, 2019)]
    found = tagger.recognize("Het kabinet-Lubbers (1986-1989) hervormde de WAO.")
    assert [m.text for m in found] == ["1986", "1989"]


def test_years_need_a_cue_and_are_not_amounts(tagger):
    assert spans(tagger, "In 2000 kocht hij een huis.") == ["2000"]
    assert spans(tagger, "Hij kocht 2000 aandelen.") == []
    assert spans(tagger, "De boete liep op tot 2000 euro.") == []
    assert spans(tagger, "Eind 2018 was het zover.") == ["Eind 2018"]


def test_months_as_names_and_abbreviations(tagger):
    assert spans(tagger, "Keizer Augustus regeerde over Rome.") == []
    assert spans(tagger, "Augustus was een hete maand.") == ["Augustus"]
    assert spans(tagger, "Het gebeurde op 3 okt. in Leiden.") == ["3 okt."]
    assert spans(tagger, "Dat vertelde Jan aan de pers.") == []


@pytest.mark.parametrize("text", [
    "Op een dag kwam hij terug.",
    "Dat is nu eenmaal zo.",
    "De maximumsnelheid is 80 km per uur.",
    "Matthews won in 4.09.34 de etappe.",
    "In de tweede helft scoorde Ajax twee keer.",
    "Hij werd twee dagen later vrijgelaten.",
    "Ze woont in de oorlog verscheurde stad.",
    "Hij wil in de morgen niet gestoord worden.",
    "Het programma is te zien op de zaterdagavond.",
    "Het gebeurde op de maandag na de verkiezingen.",
])
def test_things_that_are_not_time_expressions(tagger, text):
    assert spans(tagger, text) == []


def test_weekdays_after_pronouns_are_days(tagger):
    assert spans(tagger, "Zo klinkt het maandag uit regeringskringen.") == ["maandag"]
    assert spans(tagger, "De man die zaterdag overleed, was 80.") == ["zaterdag"]


def test_morgen_means_tomorrow_unless_it_is_the_morning(tagger):
    assert spans(tagger, "Morgen valt het besluit.") == ["Morgen"]
    assert spans(tagger, "Elke morgen loopt hij hard.") == ["Elke morgen"]


def test_doubtful_mentions_carry_a_check_for_the_parse(tagger):
    (nu,) = tagger.recognize("Nu ligt de bal bij de Kamer.")
    assert nu.check == "adverb"
    (year,) = tagger.recognize("Sinds 2015 is alles anders.")
    assert year.check == "year"


def test_direction_cues_before_a_date(tagger):
    (m,) = tagger.recognize("Sinds maandag geldt een verbod.")
    assert m.expression.direction == -1
    (m,) = tagger.recognize("Vanaf 1 april stijgen de prijzen.")
    assert m.expression.direction == 1


def test_rules_do_not_swallow_blank_lines(tagger):
    text = "Het is 12\n\njuni geleden"
    for m in tagger.recognize(text):
        assert "\n" not in m.text


def test_impossible_dates_and_huge_counts_are_left_out(tagger):
    assert spans(tagger, "Op 29 februari 2019 gebeurde niets.") == ["februari 2019"]
    assert spans(tagger, "Op 29 februari 2020 was het schrikkeldag.") == ["29 februari 2020"]
    assert [m.rule for m in tagger.recognize("Over 9999999 dagen is de zon op.")] == ["duration"]


pieces = st.lists(st.sampled_from([
    "Gisteren", "vorige week", "12 juni", "in 2000", "de jaren negentig", "nu", "elke week", "zeventig jaar",
    "van 24 tot en met 26 oktober", "dinsdagavond", "om 15.30 uur", "Eerder deze maand", "x", "de", ",", ".",
    "12-06-2018", "begin juni", "'98", "na de oorlog", "anderhalf jaar geleden", "\n", "é", "’s", "2018-2019",
    "29 februari", "over 4000 dagen", "afgelopen nacht", "jarenlang", "elke dinsdagavond", "Pasen", "Q4 2018",
    "de 21ste eeuw", "31-12-1999", "twee keer per week", "de eerste helft van 2017", "om 24.00 uur",
]), max_size=25)


@settings(max_examples=200, deadline=None)
@given(parts=pieces, sep=st.sampled_from([" ", "  ", "\n", " ,"]),
       dct=st.sampled_from(["1000", "2018", "2018-05", "2018-05-30", "2999-12-31", "2020-02-29T23:59:00Z"]),
       tense=st.sampled_from(["past", "present", "future", None]))
def test_offsets_always_give_the_text_and_every_mention_normalizes(tagger, parts, sep, dct, tense):
    text = sep.join(parts)
    found = tagger.recognize(text)
    last_end = -1
    for m in found:
        assert text[m.start:m.end] == m.text and m.text
        assert m.start >= last_end
        last_end = m.end
        timex = normalize(m.expression, dct, tense)
        assert timex.type in ("DATE", "TIME", "DURATION", "SET") and timex.value
