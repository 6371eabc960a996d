"""`kroniek kb check` and `kroniek kb lookup`."""

import json

from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_check_a_good_and_a_broken_file(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("id,name,type,country,aliases\nANNA,Anna de Vries,PER,NLD,De Vries\n", encoding="utf-8")
    result = run("kb", "check", good)
    assert result.exit_code == EXIT_OK and "1 actors in 1 rows" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,type,country\nANNA,Anna,PER,NLD\n\n# note\nBOB,Bob,PERSON,NLD\n", encoding="utf-8")
    result = run("kb", "check", bad)
    assert result.exit_code == EXIT_FAILURE
    assert "E_KB_FILE" in result.output and "bad.csv:5" in result.output and "PERSON" in result.output


def test_lookup_by_date(tmp_path):
    result = run("kb", "lookup", "Poetin", "--date", "2018-05")
    assert result.exit_code == EXIT_OK
    assert result.output.splitlines()[0].startswith("VLADIMIR_PUTIN: Vladimir Putin (PER, as name) -> RUSGOV")
    first = json.loads(run("kb", "lookup", "de Amerikaanse president", "--date", "2018-05", "--json").output.splitlines()[0])
    assert first["name"] == "Donald Trump"
    first = json.loads(run("kb", "lookup", "de Amerikaanse president", "--date", "2022-03", "--json").output.splitlines()[0])
    assert first["name"] == "Joe Biden"


def test_lookup_with_a_user_file_and_unknown_names(tmp_path):
    mine = tmp_path / "mine.tsv"
    mine.write_text("id\tname\ttype\tcountry\tsector\taliases\nWS_AA\tWaterschap Aa en Maas\tORG\tNLD\tGOV\tAa en Maas\n",
                    encoding="utf-8")
    result = run("kb", "lookup", "Aa en Maas", "--kb", mine)
    assert result.exit_code == EXIT_OK and "WS_AA" in result.output and "NLDGOV" in result.output
    assert run("kb", "lookup", "Qwxzy Plonk").exit_code == EXIT_FAILURE
    assert run("kb", "lookup", "Poetin", "--date", "gisteren").exit_code == 2
