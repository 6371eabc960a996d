"""Events from hand-built documents: roles, time, place, modality, merging, offsets."""

from kroniek.extract.entities import extract_entities
from kroniek.extract.events import extract_events
from kroniek.model import Document, Time

from ..helpers import tagged_parse

PAST = "WW(pv,verl,ev)"
PRES = "WW(pv,tgw,met-t)"


def events(spec, times=(), dct="2019-03-12"):
    doc = tagged_parse(spec)
    ents = extract_entities(doc)
    evs = extract_events(doc, ents, times, dct, political_only=False)  # roles, not the actor policy
    name = {e.id: e.name for e in ents}
    checked = Document("d", dct, "nl", None, None, None, doc.text, ents, tuple(times), evs)
    assert checked.bad_spans() == []
    return doc, [(v.type, name.get(v.source), name.get(v.target), v.modality) for v in evs], evs, name


def test_subject_and_object():
    _, got, evs, name = events(f"Poetin||B-PER bezocht|bezoeken|{PAST} Noord-Korea||B-LOC .")
    assert got == [("CONSULT", "Poetin", "Noord-Korea", "asserted")]
    assert evs[0].trigger.text == "bezocht" and evs[0].mode == "visit"
    assert evs[0].location == evs[0].target  # a visit takes place at its destination


def test_subject_that_is_no_actor_leaves_source_empty():
    _, got, _, _ = events(f"De|de|LID() Turkse|turks|ADJ(prenom) politie|politie|N(soort) "
                          f"arresteerde|arresteren|{PAST} Demirtas||B-PER .")
    assert got == [("COERCE", None, "Demirtas", "asserted")]


def test_inverted_clause_and_pronoun():
    spec = (f"Kim||B-PER Yong-chol||I-PER reisde|reizen|{PAST} af|af|VZ(fin) . "
            f"In|in|VZ(init) New||B-LOC York||I-LOC zal|zullen|WW(pv,tgw,ev) hij|hij|VNW(pers,pron,nomin) "
            f"spreken|spreken|WW(inf) met|met|VZ(init) Pompeo||B-PER .")
    _, got, evs, name = events(spec)
    assert ("CONSULT", "Kim Yong-chol", "Pompeo", "planned") in got
    meet = next(v for v in evs if v.target and name[v.target] == "Pompeo")
    assert name[meet.location] == "New York"


def test_passive_with_door_agent():
    spec = f"Stoltenberg||B-PER werd|worden|{PAST} uitgenodigd|uitnodigen|WW(vd,vrij,zonder) door|door|VZ(init) Trump||B-PER ."
    _, got, _, _ = events(spec)
    assert got == [("CONSULT", "Trump", "Stoltenberg", "planned")]


def test_pair_after_tussen_and_noun_trigger_takes_the_scheduled_time():
    spec = (f"De|de|LID() ontmoeting|ontmoeting|N(soort) tussen|tussen|VZ(init) Trump||B-PER en|en|VG(neven) "
            f"Kim||B-PER zal|zullen|WW(pv,tgw,ev) ,|,|LET() als|als|VG(onder) deze|deze|VNW(aanw) "
            f"doorgaat|doorgaan|{PRES} ,|,|LET() op|op|VZ(init) 12|12|TW() juni|juni|SPEC() "
            f"plaatsvinden|plaatsvinden|WW(inf) .")
    doc = tagged_parse(spec)
    start = doc.text.index("12 juni")
    t = Time("t1", start, start + 7, "12 juni", "DATE", "2019-06-12", None, None)
    _, got, evs, _ = events(spec, (t,))
    assert got == [("CONSULT", "Trump", "Kim", "hypothetical")]
    assert evs[0].date == "2019-06-12" and evs[0].time == "t1"


def test_time_in_another_clause_is_not_the_events():
    spec = (f"Lavrov||B-PER maakte|maken|{PAST} dinsdag|dinsdag|SPEC() bekend|bekend|ADJ(vrij) "
            f"dat|dat|VG(onder) hij|hij|VNW(pers,pron,nomin) Ri||B-PER had|hebben|{PAST} "
            f"ontmoet|ontmoeten|WW(vd,vrij,zonder) .")
    doc = tagged_parse(spec)
    s = doc.text.index("dinsdag")
    t = Time("t1", s, s + 7, "dinsdag", "DATE", "2019-03-12", 2, None)
    _, got, evs, _ = events(spec, (t,))
    assert got == [("CONSULT", "Lavrov", "Ri", "asserted")]
    assert evs[0].date is None and evs[0].time is None


def test_coordinated_subjects_give_one_event_each():
    spec = (f"Japan||B-LOC en|en|VG(neven) Korea||B-LOC sloten|sluiten|{PAST} een|een|LID() "
            f"akkoord|akkoord|N(soort) met|met|VZ(init) China||B-LOC .")
    _, got, _, _ = events(spec)
    assert got == [("AGREE", "Japan", "China", "asserted"), ("AGREE", "Korea", "China", "asserted")]


def test_mutual_meeting_without_object():
    spec = "Trump||B-PER en|en|VG(neven) Kim||B-PER ontmoeten|ontmoeten|WW(pv,tgw,mv) elkaar|elkaar|VNW(recip) ."
    _, got, _, _ = events(spec)
    assert got == [("CONSULT", "Trump", "Kim", "asserted")]


def test_separable_verb_needs_its_particle():
    with_particle = f"Rusland||B-LOC viel|vallen|{PAST} Oekraïne||B-LOC aan|aan|VZ(fin) ."
    without = f"Rusland||B-LOC viel|vallen|{PAST} over|over|VZ(init) Oekraïne||B-LOC ."
    assert events(with_particle)[1] == [("ASSAULT", "Rusland", "Oekraïne", "asserted")]
    assert events(without)[1] == []


def test_the_same_event_twice_is_kept_once_with_its_date():
    spec = (f"Lavrov||B-PER reist|reizen|{PRES} donderdag|donderdag|SPEC() naar|naar|VZ(init) Korea||B-LOC . "
            f"Lavrov||B-PER zou|zullen|WW(pv,verl,ev) naar|naar|VZ(init) Korea||B-LOC reizen|reizen|WW(inf) .")
    doc = tagged_parse(spec)
    s = doc.text.index("donderdag")
    t = Time("t1", s, s + 9, "donderdag", "DATE", "2019-03-14", 4, None)
    _, got, evs, _ = events(spec, (t,))
    assert got == [("CONSULT", "Lavrov", "Korea", "planned")]
    assert evs[0].date == "2019-03-14"


def test_no_actor_no_event_and_unrelated_verbs():
    assert events(f"De|de|LID() top|top|N(soort) begon|beginnen|{PAST} gisteren|gisteren|BW() .")[1] == []
    assert events(f"Rutte||B-PER las|lezen|{PAST} het|het|LID() rapport|rapport|N(soort) .")[1] == []


def test_recipient_required_types_need_a_target():
    assert events(f"Duitsland||B-LOC stuurt|sturen|{PRES} noodhulp|noodhulp|N(soort) .")[1] == []
    got = events(f"Duitsland||B-LOC stuurt|sturen|{PRES} noodhulp|noodhulp|N(soort) naar|naar|VZ(init) Malawi||B-LOC .")[1]
    assert got == [("AID", "Duitsland", "Malawi", "asserted")]


def test_passive_without_agent_leaves_the_source_open():
    spec = f"Demirtas||B-PER werd|worden|{PAST} gisteren|gisteren|BW() gearresteerd|arresteren|WW(vd,vrij,zonder) ."
    assert events(spec)[1] == [("COERCE", None, "Demirtas", "asserted")]


def test_zijn_with_a_movement_verb_is_an_active_perfect():
    spec = ("Lavrov||B-PER is|zijn|WW(pv,tgw,ev) naar|naar|VZ(init) Moskou||B-LOC "
            "gereisd|reizen|WW(vd,vrij,zonder) .")
    assert events(spec)[1] == [("CONSULT", "Lavrov", "Moskou", "asserted")]
