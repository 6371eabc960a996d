"""The times scorer: gold loading (seed format, TimeML), matching, and `kroniek eval times`."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main
from kroniek.errors import EvalError
from kroniek.eval.times import (GoldSetting, GoldTime, gold_files, load_gold, load_seed_gold, load_timeml,
                                score_setting, value_matches)
from kroniek.model import Time

from ..conftest import SEED_GOLD, require_frog

SAMPLE = Path(__file__).parent / "data" / "nl_timeml_sample.tml"


def t(start, end, text, typ="DATE", value=None, weekday=None):
    return Time(id="t", start=start, end=end, text=text, type=typ, value=value, weekday=weekday)


def test_weekday_gold_accepts_that_weekday_near_the_month():
    assert value_matches("2018-05~wd4", "2018-05-XX", 4)
    assert value_matches("2018-05~wd4", "2018-05-31", 4)
    assert value_matches("2018-05~wd4", "2018-06-07", 4)       # within seven days after the month
    assert not value_matches("2018-05~wd4", "2018-06-14", 4)   # too far
    assert not value_matches("2018-05~wd4", "2018-05-XX", 2)
    assert not value_matches("2018-05~wd4", "2018-05-30", None)  # a Wednesday
    assert not value_matches("2018-05~wd4", "2018-05", None)
    assert value_matches("P70Y", "P70Y", None) and not value_matches("2018-10", "2018-11", None)
    assert value_matches(None, None, None) and not value_matches(None, "2018", None)


def test_header_values_write_an_unknown_day_as_the_month():
    assert value_matches("2016-11", "2016-11-XX", None, header=True)        # "gisteren" under a month header
    assert value_matches("2016-09", "2016-09-XXTNI", None, header=True)     # "vannacht"
    assert not value_matches("2016-11", "2016-11-XX", None)                 # with a full date: a month is a month
    assert not value_matches("2016-11", "2016-12-XX", None, header=True)
    assert value_matches("2014-03~wd1", "2014-03-XXTAF", 1, header=True)    # "maandagmiddag"
    assert not value_matches("2014-03~wd1", "2014-03-XXTAF", 2, header=True)
    assert not value_matches("2014-03~wd1", "2014-03-XXTAF", 1)


def test_matching_is_one_to_one_strict_and_relaxed():
    gold = GoldSetting("full", "2018-05-30", (
        GoldTime(0, 10, "In oktober", "DATE", "2018-10"),
        GoldTime(20, 27, "dinsdag", "DATE", "2018-05-29"),
        GoldTime(40, 44, "2000", "DATE", "2000")))
    system = [t(3, 10, "oktober", value="2018-10"), t(20, 27, "dinsdag", value="2018-06-05", weekday=2),
              t(50, 55, "extra", value="2019")]
    r = score_setting("d", gold, system)
    c = r.counts
    assert (c.gold, c.system, c.strict, c.relaxed, c.type_ok, c.value_ok) == (3, 3, 1, 2, 2, 1)
    assert [g.text for g in r.missed] == ["2000"] and [s.text for s in r.spurious] == ["extra"]
    fig = c.figures()
    assert fig["strict_f1"] == pytest.approx(1 / 3) and fig["relaxed_r"] == pytest.approx(2 / 3)
    assert fig["value_accuracy"] == pytest.approx(0.5) and fig["value_f1"] == pytest.approx(1 / 3)


def test_seed_gold_gives_both_settings_with_offsets():
    if not SEED_GOLD.exists():
        pytest.skip("seed gold not available")
    doc = load_seed_gold(SEED_GOLD)
    assert [(s.name, s.dct) for s in doc.settings] == [("full", "2018-05-30"), ("header", "2018-05")]
    for setting in doc.settings:
        assert len(setting.times) == 9
        for g in setting.times:
            assert doc.text[g.start:g.end] == g.text
    header = {g.text: g.value for g in doc.settings[1].times}
    assert header["donderdag"] == "2018-05~wd4"


def test_seed_gold_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"text": "Hij kwam gisteren.", "header_date": "2018-05",
                               "times": [{"text": "morgen", "type": "DATE", "value_header": "x"}]}))
    with pytest.raises(EvalError, match="does not occur"):
        load_seed_gold(bad)
    bad.write_text("{ not json")
    with pytest.raises(EvalError):
        load_seed_gold(bad)
    bad.write_text(json.dumps({"text": "Geen datum.", "times": []}))
    with pytest.raises(EvalError, match="no document date"):
        load_seed_gold(bad)
    with pytest.raises(EvalError, match="unknown gold format"):
        load_gold(tmp_path / "x.txt")
    with pytest.raises(EvalError, match="no such file"):
        gold_files([tmp_path / "absent"])


def test_timeml_text_and_spans():
    doc = load_timeml(SAMPLE)
    (setting,) = doc.settings
    assert doc.id == "nl_sample_001" and setting.name == "dct" and setting.dct == "2019-03-14"
    assert len(setting.times) == 10
    for g in setting.times:
        assert doc.text[g.start:g.end] == g.text
    assert (setting.times[1].text, setting.times[1].value) == ("eind 2021", "2021")
    assert "<TIMEX3" not in doc.text and "Het kabinet maakte woensdag bekend" in doc.text


def test_timeml_errors(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>geen DCT</TEXT></TimeML>")
    with pytest.raises(EvalError, match="CREATION_TIME"):
        load_timeml(bad)
    bad.write_text("<TimeML><TEXT>kapot")
    with pytest.raises(EvalError, match="TimeML"):
        load_timeml(bad)


def test_folders_are_walked_for_gold(tmp_path):
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.tml").write_text("<x/>")
    (tmp_path / "c.txt").write_text("")
    assert [p.name for p in gold_files([tmp_path])] == ["a.json", "b.tml"]


def test_bad_gold_exits_with_failure(tmp_path):
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML/>")
    result = CliRunner().invoke(main, ["eval", "times", str(bad)])
    assert result.exit_code == EXIT_FAILURE and "E_EVAL_GOLD" in result.output


@pytest.mark.frog
def test_eval_times_command_on_the_dutch_timeml_sample_and_the_seed(tmp_path, frog):
    require_frog()
    from kroniek.nlp.cache import CachingParser

    # the session's Frog parses the texts into the command's cache, so the command does
    # not start a Frog of its own
    cache = CachingParser(frog, tmp_path / "cache")
    for path in [SAMPLE] + ([SEED_GOLD] if SEED_GOLD.exists() else []):
        cache.parse(load_gold(path).text)
    runner = CliRunner()
    args = ["eval", "times", str(SAMPLE), "--cache", str(tmp_path / "cache"), "--json"]
    if SEED_GOLD.exists():
        args.insert(3, str(SEED_GOLD))
    result = runner.invoke(main, args, catch_exceptions=False)
    assert result.exit_code == EXIT_OK, result.output
    figures = json.loads(result.output)
    dct = figures["settings"]["dct"]
    # nine of the ten sample times found with the right value; "'s avonds" is missed
    assert (dct["gold"], dct["system"]) == (10, 9)
    assert dct["relaxed_r"] == pytest.approx(0.9) and dct["value_accuracy"] == 1.0
    if SEED_GOLD.exists():
        for name in ("full", "header"):
            assert figures["settings"][name]["relaxed_r"] == 1.0
            assert figures["settings"][name]["value_accuracy"] == 1.0
    table = runner.invoke(main, ["eval", "times", str(SAMPLE), "--cache", str(tmp_path / "cache"), "--details"])
    assert table.exit_code == EXIT_OK and "MISS \"'s avonds\"" in table.output
