import pytest

from kroniek.extract.clauses import clause_map
from kroniek.extract.modality import classify
from kroniek.model import Time

from ..helpers import tagged_parse

PAST = "WW(pv,verl,ev)"
PRES = "WW(pv,tgw,met-t)"


def modality(spec, trigger_word, time=None, dct="2019-03-12", mode=None):
    doc = tagged_parse(spec)
    cm = clause_map(doc)
    k = next(t.i for t in doc.tokens if t.text == trigger_word)
    return classify(doc, cm.clause_of(k), cm, time, dct, mode)


@pytest.mark.parametrize("spec, trigger, expected", [
    (f"Merkel bezocht|bezoeken|{PAST} Parijs .", "bezocht", "asserted"),
    (f"Merkel bezocht|bezoeken|{PAST} Parijs niet|niet|BW() .", "bezocht", "negated"),
    (f"Merkel bezocht|bezoeken|{PAST} niet|niet|BW() alleen|alleen|BW() Parijs .", "bezocht", "asserted"),
    ("Merkel zal|zullen|WW(pv,tgw,ev) Parijs bezoeken|bezoeken|WW(inf) .", "bezoeken", "planned"),
    ("Merkel wil|willen|WW(pv,tgw,ev) Parijs bezoeken|bezoeken|WW(inf) .", "bezoeken", "planned"),
    ("Merkel gaat|gaan|WW(pv,tgw,met-t) Parijs bezoeken|bezoeken|WW(inf) .", "bezoeken", "planned"),
    ("Merkel zou|zullen|WW(pv,verl,ev) Parijs bezoeken|bezoeken|WW(inf) .", "bezoeken", "hypothetical"),
    (f"Mogelijk|mogelijk|ADJ(vrij) bezoekt|bezoeken|{PRES} Merkel Parijs .", "bezoekt", "hypothetical"),
    (f"Merkel weigert|weigeren|{PRES} Parijs te|te|VZ(init) bezoeken|bezoeken|WW(inf) .", "bezoeken", "negated"),
    (f"Als|als|VG(onder) het|het|VNW(pers) lukt|lukken|{PRES} ,|,|LET() bezoekt|bezoeken|{PRES} Merkel Parijs .",
     "bezoekt", "hypothetical"),
    (f"Rusland meldde|melden|{PAST} dat|dat|VG(onder) Merkel Parijs zou|zullen|WW(pv,verl,ev) "
     "bezoeken|bezoeken|WW(inf) .", "bezoeken", "planned"),
    (f"Merkel werd|worden|{PAST} uitgenodigd|uitnodigen|WW(vd,vrij,zonder) door|door|VZ(init) Macron .",
     "uitgenodigd", "planned"),
])
def test_cues(spec, trigger, expected):
    assert modality(spec, trigger) == expected


def test_present_tense_with_a_date_ahead_is_planned():
    spec = f"Rutte reist|reizen|{PRES} donderdag|donderdag|SPEC() naar|naar|VZ(init) Berlijn ."
    thursday = Time("t1", 12, 21, "donderdag", "DATE", "2019-03-14", 4, None)
    assert modality(spec, "reist", thursday) == "planned"
    month_only = Time("t1", 12, 21, "donderdag", "DATE", "2019-03-XX", 4, None)
    assert modality(spec, "reist", month_only, dct="2019-03") == "planned"
    last_year = Time("t1", 12, 21, "donderdag", "DATE", "2018-03-14", 4, None)
    assert modality(spec, "reist", last_year) == "asserted"
    assert modality(spec, "reist", None) == "asserted"


def test_the_perfect_tense_with_a_weekday_is_asserted():
    # "heeft donderdag overleg gevoerd": the present auxiliary tells of the past, even when
    # a month-only date leaves the Thursday open (or a Thursday ahead of the article's date)
    month_only = Time("t1", 12, 21, "donderdag", "DATE", "2019-03-XX", 4, None)
    has = f"Rutte heeft|hebben|{PRES} donderdag|donderdag|SPEC() overleg gevoerd|voeren|WW(vd,vrij,zonder) ."
    assert modality(has, "gevoerd", month_only, dct="2019-03") == "asserted"
    came = f"Rutte is|zijn|WW(pv,tgw,ev) donderdag|donderdag|SPEC() aangekomen|aankomen|WW(vd,vrij,zonder) ."
    assert modality(came, "aangekomen", month_only, dct="2019-03") == "asserted"
    # a present passive is no perfect: "wordt donderdag ontvangen" is still ahead
    passive = f"Rutte wordt|worden|{PRES} donderdag|donderdag|SPEC() ontvangen|ontvangen|WW(vd,vrij,zonder) ."
    assert modality(passive, "ontvangen", month_only, dct="2019-03") == "planned"


def test_an_adverb_of_the_near_future_makes_a_present_tense_planned():
    soon = f"Rohani bezoekt|bezoeken|{PRES} binnenkort|binnenkort|BW() Rome ."
    assert modality(soon, "bezoekt") == "planned"
    done = f"Rohani bezocht|bezoeken|{PAST} binnenkort|binnenkort|BW() Rome ."   # past tense: the cue alone is no plan
    assert modality(done, "bezocht") == "asserted"
