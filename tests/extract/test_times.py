"""The times step: find_times over a parse, the pipeline step, and the seed acceptance with Frog."""

import json
import re

import pytest

from kroniek.eval.times import load_seed_gold, score_setting
from kroniek.extract.times import TimeStep, find_times
from kroniek.extract.timex import TimeTagger
from kroniek.model import Document
from kroniek.pipeline import Pipeline, default_steps
from kroniek.schema import validator

from ..conftest import REPO, SEED_GOLD, require_frog
from ..helpers import ToyParser, article, toy_parse


@pytest.fixture(scope="module")
def tagger():
    return TimeTagger()


def test_ids_in_text_order_and_offsets_sound(tagger):
    text = "Gisteren maakte de minister bekend dat de wet op 1 januari 2020 ingaat. Tot nu toe is er weinig verzet."
    doc = toy_parse(text, tags={"maakte": "WW(pv,verl,ev)", "ingaat": "WW(pv,tgw,met-t)"})
    times = find_times(doc, "2019-03-14", tagger)
    assert [(t.id, t.text, t.type, t.value) for t in times] == [
        ("t1", "Gisteren", "DATE", "2019-03-13"),
        ("t2", "1 januari 2020", "DATE", "2020-01-01"),
        ("t3", "Tot nu toe", "DATE", "PRESENT_REF")]
    for t in times:
        assert text[t.start:t.end] == t.text


def test_tense_from_the_parse_places_weekdays(tagger):
    text = "De minister maakte dinsdag bekend dat hij donderdag vertrekt."
    doc = toy_parse(text, tags={"maakte": "WW(pv,verl,ev)", "dat": "VG(onder)", "vertrekt": "WW(pv,tgw,met-t)"})
    assert [(t.text, t.value, t.weekday) for t in find_times(doc, "2018-05-30", tagger)] == [
        ("dinsdag", "2018-05-29", 2), ("donderdag", "2018-05-31", 4)]
    assert [(t.value, t.weekday) for t in find_times(doc, "2018-05", tagger)] == [
        ("2018-05-XX", 2), ("2018-05-XX", 4)]


def test_the_parse_vetoes_conjunction_nu_and_years_before_nouns(tagger):
    text = "Nu de regering is gevallen, stemt het land in 2000 gemeenten."
    doc = toy_parse(text, tags={"Nu": "VG(onder)", "gemeenten": "N(soort,mv,basis)"})
    assert find_times(doc, "2019-03-14", tagger) == ()
    doc = toy_parse("Nu ligt de bal bij de Kamer.", tags={"Nu": "BW()"})
    assert [t.value for t in find_times(doc, "2019-03-14", tagger)] == ["PRESENT_REF"]
    doc = toy_parse("Hij is sinds 2015 burgemeester.", tags={"burgemeester": "N(soort,ev,basis,zijd,stan)"})
    assert [t.value for t in find_times(doc, "2019-03-14", tagger)] == ["2015"]


def test_every_dct_form_is_accepted(tagger):
    doc = toy_parse("Gisteren regende het.")
    for dct, value in (("2019", "2019-XX-XX"), ("2019-03", "2019-03-XX"), ("2019-03-14", "2019-03-13"),
                       ("2019-03-14T08:30:00+01:00", "2019-03-13")):
        assert find_times(doc, dct, tagger)[0].value == value


def test_step_is_registered_after_entities_and_its_output_validates():
    names = [s.name for s in default_steps()]
    assert names.index("times") > names.index("entities")
    step = TimeStep()
    assert step.requires == ("parse",) and step.provides == ("times",)
    doc = Pipeline().annotate(article("De top is op 12 juni. Vorige week sprak de minister.", date="2018-05"),
                              ToyParser().start())
    assert isinstance(doc, Document) and doc.bad_spans() == []
    assert [(t.text, t.value) for t in doc.times] == [("12 juni", "2018-06-12"), ("Vorige week", "2018-WXX")]
    assert list(validator().iter_errors(doc.to_dict())) == []


def test_docs_list_every_rule_in_its_order(tagger):
    doc = (REPO / "docs" / "TIMES.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| (\d+) \| ([\w-]+) \|", doc, re.M)
    assert [(int(n), name) for n, name in listed] == [(k + 1, r.name) for k, r in enumerate(tagger.rules)]


# --------------------------------------------------------------------------- the seed, with Frog


@pytest.fixture(scope="module")
def seed_gold():
    if not SEED_GOLD.exists():
        pytest.skip(f"seed gold not found at {SEED_GOLD}")
    return load_seed_gold(SEED_GOLD)


@pytest.mark.frog
def test_seed_all_gold_times_found_with_the_right_values_in_both_settings(frog, seed_gold, tagger):
    require_frog()
    parsed = frog.parse(seed_gold.text)
    assert {s.name for s in seed_gold.settings} == {"full", "header"}
    for setting in seed_gold.settings:
        times = find_times(parsed, setting.dct, tagger)
        result = score_setting(seed_gold.id, setting, times)
        assert len(setting.times) == 9
        assert result.missed == (), setting.name
        wrong = [(m.gold.text, m.gold.value, m.system.value, m.system.weekday) for m in result.matches
                 if not (m.value_ok and m.type_ok)]
        assert wrong == [], setting.name
        for t in times:
            assert seed_gold.text[t.start:t.end] == t.text


@pytest.mark.frog
def test_seed_header_setting_never_invents_a_day(frog, seed_gold, tagger):
    require_frog()
    header = next(s for s in seed_gold.settings if s.name == "header")
    times = find_times(frog.parse(seed_gold.text), header.dct, tagger)
    raw = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    weekday_texts = {t["text"] for t in raw["times"] if "~wd" in (t["value_header"] or "")}
    for t in times:
        if t.text in weekday_texts:
            assert t.value == f"{header.dct}-XX" and t.weekday is not None
