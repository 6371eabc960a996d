import pytest

from kroniek.errors import ConfigError
from kroniek.extract.event_patterns import Slot, Word, default_lexicon, parse_pattern_line, read_lexicon
from kroniek.model import EVENT_TYPES


def test_line_syntax():
    p = parse_pattern_line("CONSULT  visit  *af|reizen naar:T   # comment", 7)
    assert p.type == "CONSULT" and p.mode == "visit" and p.line == 7
    assert p.trigger == Word("reizen", "af") and p.trigger.joined == "afreizen"
    assert p.slots == (Slot("target", "naar"),) and p.needs == ()
    q = parse_pattern_line("SANCTION - *sanctie op|leggen OBJ:T", 1)
    assert q.mode is None and q.needs == (Word("leggen", "op"),) and q.slots == (Slot("target", None),)
    r = parse_pattern_line("CONSULT meet *ontmoeting tussen:S+T", 1)
    assert r.slots == (Slot("pair", "tussen"),) and r.has_source_slot
    assert parse_pattern_line("   # only a comment", 3) is None


def test_required_and_dat_slots():
    p = parse_pattern_line("SUPPORT endorse *kiezen voor:T!", 1)
    assert p.slots == (Slot("target", "voor", True),) and not p.may_stand_alone
    q = parse_pattern_line("REQUEST demand *eisen dat:T", 1)
    assert q.slots == (Slot("target", "dat"),) and not q.may_stand_alone  # "X eist" alone is no request
    r = parse_pattern_line("ACCUSE criticize *veroordelen OBJ:T", 1)
    assert r.may_stand_alone  # "X veroordeelde de aanslag"
    assert parse_pattern_line("REJECT - *weigeren", 1).may_stand_alone


def test_packaged_lexicon_has_frames_for_every_type():
    # every PLOVER type has verb patterns with a target slot, and none is listed twice
    lexicon = default_lexicon()
    for typ in EVENT_TYPES:
        assert any(p.type == typ and p.slots for p in lexicon.patterns), typ
    keys = [(p.trigger, p.needs, tuple((s.role, s.prep) for s in p.slots)) for p in lexicon.patterns]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("line, message", [
    ("MEET visit *reizen naar:T", "unknown PLOVER type"),
    ("CONSULT visit reizen naar:T", "no trigger"),
    ("CONSULT visit *reizen *gaan", "more than one trigger"),
    ("CONSULT visit *reizen naar:X", "unknown role"),
    ("CONSULT visit", "expected TYPE MODE PATTERN"),
])
def test_bad_lines_name_their_number(line, message):
    with pytest.raises(ConfigError) as info:
        parse_pattern_line(line, 12)
    assert message in str(info.value) and "line 12" in str(info.value)


def test_packaged_lexicon_covers_every_plover_type():
    lexicon = default_lexicon()
    assert {p.type for p in lexicon.patterns} == set(EVENT_TYPES)
    assert [p.type for p in lexicon.for_lemma("afreizen")] == ["CONSULT", "CONSULT"]
    assert "ontmoeting" in lexicon.nouns()


def test_user_lexicon_file(tmp_path):
    f = tmp_path / "mine.txt"
    f.write_text("# mine\nPROTEST demo *betogen tegen:T\n", encoding="utf-8")
    lex = read_lexicon(f)
    assert [p.trigger.lemma for p in lex.patterns] == ["betogen"]
    f.write_text("PROTEST demo betogen\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        read_lexicon(f)
