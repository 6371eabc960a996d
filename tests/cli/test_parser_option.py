"""`--parser fast`: kroniek extracts without Frog; the eval parser command compares."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kroniek.cli import EXIT_FAILURE, EXIT_OK, main
from kroniek.config import FrogConfig
from kroniek.model import Document
from kroniek.nlp.cache import CachingParser
from kroniek.nlp.fast import FastParser
from kroniek.nlp.frog import FrogParser
from kroniek.schema import validator

ARTICLE = {"id": "nos-1", "date": "2024-03-12",
           "text": "Premier Mark Rutte heeft dinsdag in Den Haag met de Franse president Emmanuel Macron "
                   "gesproken over de oorlog in Oekraïne. 'We moeten Kyiv blijven steunen', zei Rutte na afloop. "
                   "Macron kondigde aan dat Frankrijk volgende week nieuwe wapens levert."}


def write_article(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_extract_with_the_fast_parser_on_a_machine_without_frog(tmp_path):
    """A separate process whose PATH holds no frog: the default (auto) uses the fast parser."""
    articles = write_article(tmp_path)
    kroniek = Path(sys.executable).parent / "kroniek"
    env = {k: v for k, v in os.environ.items() if k not in ("KRONIEK_CONFIG",)}
    env.update(PATH=str(tmp_path), KRONIEK_CACHE=str(tmp_path / "cache"), OMP_NUM_THREADS="1")
    for extra in ([], ["--parser", "fast"]):
        out = subprocess.run([str(kroniek), "extract", *extra, str(articles)], capture_output=True, text=True,
                             env=env, timeout=300)
        assert out.returncode == EXIT_OK, out.stderr
        (line,) = [ln for ln in out.stdout.splitlines() if ln.strip()]
        data = json.loads(line)
        validator().validate(data)
        doc = Document.from_dict(data)
        assert doc.bad_spans() == []
        names = {e.name for e in doc.entities}
        assert {"Mark Rutte", "Emmanuel Macron"} & names, names
        assert doc.quotes, "the direct quote with 'zei Rutte' is found"


def test_choosing_frog_where_there_is_none_is_a_clear_error(tmp_path):
    articles = write_article(tmp_path)
    conf = tmp_path / "k.toml"
    conf.write_text('[frog]\nbinary = "/nonexistent/frog"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(conf), "extract", "--parser", "frog", str(articles)])
    assert result.exit_code == EXIT_FAILURE
    assert "E_PARSER_MISSING" in result.output or "Frog is not installed" in result.output


def test_doctor_says_the_fast_parser_is_used_without_frog(tmp_path):
    conf = tmp_path / "k.toml"
    conf.write_text('[frog]\nbinary = "/nonexistent/frog"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(conf), "doctor", "--db", str(tmp_path / "k.db"), "--json"])
    report = json.loads(result.output)
    by_name = {c["name"]: c for c in report["checks"]}
    assert by_name["parser"]["detail"].startswith("fast (auto: Frog is not installed")
    assert by_name["frog program"]["ok"] is False and by_name["frog program"]["required"] is False
    assert by_name["fast parser parses"]["ok"] is True and by_name["fast parser parses"]["required"] is True
    assert report["ok"] is True and result.exit_code == EXIT_OK


def test_eval_parser_agrees_fully_with_itself(tmp_path):
    """With the fast parser's own parse standing in the cache as Frog's, agreement is 100."""
    texts = ["De minister reist dinsdag naar Parijs. Daar spreekt zij met Macron.",
             "Het kabinet valt. 'Dat is jammer', zei Jan Jansen in Utrecht."]
    cache = tmp_path / "cache"
    frog = CachingParser(FrogParser(FrogConfig()), cache)
    with FastParser() as fast:
        for text in texts:
            frog._store(frog._path(text), fast.parse(text))
    corpus = tmp_path / "texts.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in [*texts, "Niet in de cache."]), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "parser", "--all", "--no-frog", "--cache-dir", str(cache),
                                       "--json", str(corpus)])
    assert result.exit_code == EXIT_OK, result.output
    agreement = json.loads(result.output)["agreement"]
    assert agreement["documents"] == 2 and agreement["skipped_not_in_cache"] == 1
    for key in ("token_f1", "tag", "pos", "lemma", "uas", "las", "sentence_f1"):
        assert agreement[key] == 100.0, key


def test_eval_parser_scores_ud(tmp_path):
    conllu = tmp_path / "t.conllu"
    conllu.write_text("# text = Het regent.\n1\tHet\thet\tPRON\tVNW|pers|pron|stan|red|3|ev|onz\t_\t2\tnsubj\t_\t_\n"
                      "2\tregent\tregenen\tVERB\tWW|pv|tgw|met-t\t_\t0\troot\t_\tSpaceAfter=No\n"
                      "3\t.\t.\tPUNCT\tLET\t_\t2\tpunct\t_\t_\n\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "parser", "--no-frog", "--ud", str(conllu), "--json"])
    assert result.exit_code == EXIT_OK, result.output
    fast = json.loads(result.output)["ud"]["t.conllu"]["fast"]
    assert fast["words"] == 3 and fast["token_recall"] == 100.0
