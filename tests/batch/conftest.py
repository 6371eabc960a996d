"""One Spark session for the batch tests, and a small corpus of our own in every format.

The session runs on ``local[2,2]``: local mode with two cores, as the acceptance asks,
and one retry allowed per task (local mode retries nothing otherwise), so a test can
fail a task on purpose and watch Spark run it again.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ..warc_helpers import news_page, write_warc


def require_spark() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
        missing = None if (os.environ.get("JAVA_HOME") or shutil.which("java")) else "Java"
    except ImportError as exc:
        missing = exc.name
    if missing:
        if os.environ.get("KRONIEK_REQUIRE_FROG") == "1" or os.environ.get("CI"):
            pytest.fail(f"the Spark tests need {missing} (scripts/setup.sh --test installs it)")
        pytest.skip(f"{missing} is not installed")


@pytest.fixture(scope="session")
def spark():
    require_spark()
    from kroniek.batch.session import spark_session

    session = spark_session("local[2,2]", app_name="kroniek-tests",
                            conf={"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                                  "spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


ARTICLES = [
    {"id": "brug-1", "date": "2019-04-11", "title": "Nieuwe brug",
     "text": "Wethouder Pieter Jansen opende dinsdag in Nijmegen een nieuwe brug over de Waal. "
             "\"We hebben hier lang op gewacht,\" zei Jansen tegen Omroep Gelderland."},
    {"id": "kamer-2", "date": "2019-03", "source": "Testkrant",
     "text": "De Tweede Kamer debatteerde gisteren over het klimaatakkoord. Minister Eric Wiebes "
             "verdedigde het plan; de SP en de PVV stemden tegen."},
    {"id": "bezoek-3", "published_at": "2019-04-02T09:15:00+02:00", "url": "https://k.example/3",
     "text": "Premier Mark Rutte reist volgende week naar Washington voor overleg met president Trump."},
    {"text": "Dit bericht heeft geen datum en wordt geweigerd."},
    {"id": "leeg-5", "date": "2019-04-01", "text": "   "},
]


def build_corpus(root: Path) -> Path:
    """JSON lines (with bad records), seed-format files and a tiny WARC: all kroniek reads."""
    corpus = root / "corpus"
    corpus.mkdir()
    with (corpus / "nieuws.jsonl").open("w", encoding="utf-8") as f:
        for a in ARTICLES:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
        f.write("{kapotte json\n")
    (corpus / "haven-2018-05.txt").write_text(
        " date 2018-05 De haven van Rotterdam verwerkte donderdag meer containers dan ooit.\n\n"
        "Directeur Allard Castelein sprak van een record.\n", encoding="utf-8")
    (corpus / "jaaroverzicht.txt").write_text(
        " date 2017 In 2017 sloot Philips een fabriek in Eindhoven.\n", encoding="utf-8")
    write_warc(corpus / "crawl.warc.gz", [
        {"url": "https://k.example/zorg", "record_id": "5d1e0c6a-1111-4a4a-9b9b-000000000001",
         "html": news_page("Zorgkosten stijgen", [("Minister Hugo de Jonge maakte maandag bekend dat de "
                                                   "zorgkosten volgend jaar stijgen."),
                                                  "De oppositie in Den Haag reageerde boos."],
                           published="2019-02-18T12:00:00+01:00")},
        {"url": "https://k.example/weg", "record_id": "5d1e0c6a-1111-4a4a-9b9b-000000000002",
         "html": "", "status": "301 Moved Permanently"},
        {"url": "https://k.example/fc", "record_id": "5d1e0c6a-1111-4a4a-9b9b-000000000003",
         "html": news_page("Ajax wint", ["Ajax versloeg zaterdag PSV in Amsterdam met 3-1."], site=None),
         "date": "2019-03-10T08:00:00Z"},
    ])
    return corpus
