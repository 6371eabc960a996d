"""scripts/derive_event_verbs.py: CAMEO verb blocks → PLOVER types → Dutch candidates, on small files."""

import importlib.util
import json

from .conftest import REPO

_spec = importlib.util.spec_from_file_location("derive_event_verbs", REPO / "scripts" / "derive_event_verbs.py")
derive = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(derive)


def test_cameo_blocks_and_plover_codes(tmp_path):
    cameo = tmp_path / "cameo.txt"
    cameo.write_text("--- ACCUSE [112] ---\nACCUSE\nCONDEMN {CONDEMNS CONDEMNED }  # note\n"
                     "- * + OF CORRUPTION [112]\n--- VISIT [042] ---\nVISIT\n", encoding="latin-1")
    blocks = derive.cameo_blocks(cameo)
    assert blocks == {"112": ["accuse", "condemn"], "042": ["visit"]}
    table = tmp_path / "c2p.txt"
    table.write_text("11: ACCUSE\n042: CONSULT, visit,   # Make a visit\n", encoding="utf-8")
    codes = derive.plover_table(table)
    assert derive.plover_of("112", codes) == ("ACCUSE", "-")  # the longest listed prefix, "11"
    assert derive.plover_of("042", codes) == ("CONSULT", "visit")
    assert derive.plover_of("999", codes) is None


def test_forms_cover_the_common_verb_forms():
    assert {"veroordelen", "veroordeel", "veroordeelt", "veroordeelde"} <= derive.forms("veroordelen")
    assert derive.forms("in hechtenis nemen") == {"in hechtenis nemen"}


def test_dpg_counts_whole_words(tmp_path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"text": "Rusland veroordeelt de aanval; veroordeelten is geen woord."}) + "\n",
                        encoding="utf-8")
    counts = derive.dpg_counts(articles, derive.forms("veroordelen"))
    assert counts["veroordeelt"] == 1 and counts["veroordelen"] == 0
