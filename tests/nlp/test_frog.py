"""Integration tests against the real Frog (Debian packages frog and frogdata)."""

from __future__ import annotations

import glob
import os
import signal
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.config import FrogConfig
from kroniek.errors import ParserUnavailable
from kroniek.model import Article, Document
from kroniek.nlp.frog import FrogParser
from kroniek.nlp.pool import ParserPool
from kroniek.pipeline import annotate_stream

from ..conftest import require_frog

pytestmark = pytest.mark.frog


def assert_sound(doc, text):
    assert doc.text == text
    previous_end = 0
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text, t
        assert t.start >= previous_end and t.end > t.start
        assert t.text == t.text.strip()
        previous_end = t.end
    for s in doc.sentences:
        assert doc.tokens[s.first_token].start == s.start and doc.tokens[s.last_token - 1].end == s.end
    covered = set()
    for t in doc.tokens:
        covered.update(range(t.start, t.end))
    missing = [i for i, c in enumerate(text) if c.isalnum() and i not in covered]
    assert not missing, f"letters outside every token: {[text[i] for i in missing]}"


def test_parses_with_offsets_units_and_entities(frog):
    text = "Sergej Lavrov, de Russische minister, reist donderdag naar Noord-Korea.\n\nBelangrijke partner\n\nDe Verenigde Staten zwijgen."
    doc = frog.parse(text)
    assert_sound(doc, text)
    words = [t.text for t in doc.tokens]
    assert words[:2] == ["Sergej", "Lavrov"] and doc.tokens[0].ner == "B-PER" and doc.tokens[1].ner == "I-PER"
    assert [text[s.start:s.end] for s in doc.sentences][1] == "Belangrijke partner"
    reist = next(t for t in doc.tokens if t.text == "reist")
    assert reist.lemma == "reizen" and reist.pos == "WW"
    assert doc.unaligned == 0


def test_end_marker_in_the_text_does_not_desynchronize(frog):
    first = frog.parse("Begin.\nEOT\nEinde hier.")
    assert [t.text for t in first.tokens] == ["Begin", ".", "EOT", "Einde", "hier", "."]
    second = frog.parse("Tweede tekst.")
    assert [t.text for t in second.tokens] == ["Tweede", "tekst", "."]


def test_empty_and_odd_texts(frog):
    for text in ["", "   ", "😀", "\x00\x01", "—", "“”"]:
        doc = frog.parse(text)
        assert all(text[t.start:t.end] == t.text for t in doc.tokens)


WORDS = st.sampled_from([
    "de", "minister", "zei", "Lavrov", "Noord-Korea", "één-na-belangrijkste", "zo'n", "’s",
    "Poetins", "CDA'er", "tv-programma's", "12-06-2018", "21:30", "€5,50", "10%", "m²", "d.w.z.",
    "VS.", "https://nos.nl/artikel/123_x.html?a=1&b=2", "a.b@c.nl", "#hashtag", "@iemand",
    "😀", "👨\u200d👩\u200d👧", "🇳🇱", "e\u0301", "ﬁets", "Ä", "ß", "naïef", "café", "Ελλάδα", "Москва",
    "3-0", "1e", "2de", "(", ")", "[", "]", ",", ".", "!", "?", ":", ";", "…", "...", "—", "–", "-",
    "“", "”", "„", "‘", "’", "'", '"', "''", "«", "»", "/", "&", "*", "+", "=", "_",
])
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \u200b", ""])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.tuples(WORDS, SEPARATORS), min_size=1, max_size=40))
def test_every_token_maps_back_to_the_text(frog, words):
    text = "".join(w + sep for w, sep in words).strip()
    doc = frog.parse(text)
    assert_sound(doc, text)


def test_missing_frog_names_the_debian_packages():
    with pytest.raises(ParserUnavailable) as info:
        FrogParser(FrogConfig(binary="frog-not-installed-here")).start()
    assert "frog" in info.value.message and "frogdata" in info.value.message
    assert info.value.code == "E_PARSER_MISSING"


def test_missing_frog_data_names_the_debian_packages(tmp_path):
    with pytest.raises(ParserUnavailable, match="frogdata"):
        FrogParser(FrogConfig(frog_config=str(tmp_path / "none.cfg"))).start()


def test_an_unreadable_answer_fails_this_document_only(monkeypatch):
    """An answer that cannot be mapped onto the text is a parser error of this document
    (a reject), not an exception that stops the batch. No Frog needed: the exchange is faked."""
    import kroniek.nlp.frog as frog_module
    from kroniek.errors import ParserError

    parser = FrogParser(FrogConfig())
    monkeypatch.setattr(parser, "_sock", object())
    monkeypatch.setattr(parser, "_exchange", lambda payload, timeout: b"1\tEen\n")

    def broken(*args, **kwargs):
        raise IndexError("alignment ran off the end")

    monkeypatch.setattr(frog_module, "build_parsed_doc", broken)
    with pytest.raises(ParserError) as info:
        parser._parse_once("Een.", 5.0)
    assert info.value.code == "E_PARSER_OUTPUT" and "IndexError" in info.value.message


ARTICLES = [Article(id=f"a{n}", date="2019-04", text=f"Artikel {n}. De minister reist naar Berlijn "
                    f"en spreekt daar met {n} collega's over de begroting. " * 6) for n in range(8)]


def test_killed_frog_is_restarted_and_no_article_is_lost():
    require_frog()
    pool = ParserPool(lambda: FrogParser(FrogConfig(doc_timeout=60)), size=1).start()
    parser = pool.parsers[0]
    first_pid = parser.pid
    killed = threading.Event()

    def killer():
        # Kill the server and the worker it forked for our connection mid-batch.
        while parser.documents < 2:
            threading.Event().wait(0.01)
        os.killpg(first_pid, signal.SIGKILL)
        killed.set()

    threading.Thread(target=killer, daemon=True).start()
    with pool:
        out = list(annotate_stream(ARTICLES, pool))
        assert killed.is_set() and parser.pid != first_pid
        assert parser.restarts >= 1
        assert parser.health()
    assert [d.id for d in out] == [a.id for a in ARTICLES]
    assert all(isinstance(d, Document) for d in out)


def test_hung_frog_times_out_and_is_replaced():
    require_frog()
    with FrogParser(FrogConfig(doc_timeout=3, doc_timeout_per_kchar=0, retries=1)) as parser:
        hung = parser.pid
        os.killpg(hung, signal.SIGSTOP)  # Frog stops answering, the connection stays open
        doc = parser.parse("Deze zin komt toch door.")
        assert [t.text for t in doc.tokens][-1] == "."
        assert parser.pid != hung and parser.restarts == 1
    with pytest.raises(ProcessLookupError):
        os.killpg(hung, 0)  # the hung processes were killed, not left behind


def _children(pid: int) -> list[int]:
    kids = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(stat) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.split("/")[2]))
    return kids


def test_crashed_connection_worker_is_detected():
    """Frog forks a worker per connection; when that worker dies, the document is retried."""
    require_frog()
    with FrogParser() as parser:
        server = parser.pid  # the relay: Frog is its child, Frog's worker a grandchild
        (frog,) = _children(server)
        for _ in range(200):  # the server forks its worker just after accepting
            if workers := _children(frog):
                break
            threading.Event().wait(0.05)
        (worker,) = workers
        os.kill(worker, signal.SIGKILL)
        doc = parser.parse("Na de crash gaat het verder.")
        assert [t.text for t in doc.tokens][:2] == ["Na", "de"]
        assert parser.restarts == 1 and parser.pid != server


def test_frog_leaves_no_files_in_the_working_folder(frog, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with FrogParser() as parser:
        parser.parse("Een korte zin.")
    assert list(tmp_path.iterdir()) == []
