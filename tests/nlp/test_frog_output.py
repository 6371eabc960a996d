"""Frog's wire format without Frog: what is sent and how answers become ParsedDocs."""

from kroniek.nlp.frog_output import build_parsed_doc, parse_frog_tsv, wire_text

ANSWER = (
    "1\tSergej_Lavrov\tSergej_Lavrov\t[Sergej]_[Lavrov]\tSPEC(deeleigen)_SPEC(deeleigen)\t1.0\tB-PER_I-PER\tB-NP_I-NP\t2\tsu\n"
    "2\treist\treizen\t[reis][t]\tWW(pv,tgw,met-t)\t0.99\tO\tB-VP\t0\tROOT\n"
    "3\tnaar\tnaar\t[naar]\tVZ(init)\t0.99\tO\tB-PP\t2\tmod\n"
    "4\tNoord-Korea\tNoord-Korea\t[Noord-Korea]\tSPEC(deeleigen)\t1.0\tB-LOC\tB-NP\t3\tobj1\n"
    "5\t.\t.\t[.]\tLET()\t1.0\tO\tO\t4\tpunct\n"
    "\n"
    "1\tHij\thij\t[hij]\tVNW(pers)\t0.99\tO\tB-NP\t2\tsu\n"
    "2\tgaat\tgaan\t[gaan]\tWW(pv,tgw,met-t)\t0.99\tO\tB-VP\t0\tROOT\n"
    "3\t.\t.\t[.]\tLET()\t1.0\tO\tO\t2\tpunct\n"
    "\nREADY\n"
)


def test_units_are_split_and_heads_renumbered():
    (s1, s2) = parse_frog_tsv(ANSWER)
    assert [r.form for r in s1] == ["Sergej", "Lavrov", "reist", "naar", "Noord-Korea", "."]
    assert [r.head for r in s1] == [3, 1, 0, 3, 4, 5]
    assert [r.deprel for r in s1][:2] == ["su", "mwp"]
    assert [r.ner for r in s1][:2] == ["B-PER", "I-PER"]


def test_parsed_doc_offsets_and_heads():
    text = "Sergej Lavrov reist naar Noord-Korea. Hij gaat."
    doc = build_parsed_doc(text, wire_text(text), ANSWER)
    assert [t.text for t in doc.tokens] == ["Sergej", "Lavrov", "reist", "naar", "Noord-Korea", ".",
                                            "Hij", "gaat", "."]
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert doc.tokens[0].head == 2 and doc.tokens[1].head == 0 and doc.tokens[2].head is None
    assert doc.tokens[6].head == 7 and doc.tokens[6].sent == 1
    assert [(s.start, s.end) for s in doc.sentences] == [(0, 37), (38, 47)]
    assert doc.tokens[2].pos == "WW" and doc.tokens[2].lemma == "reizen"


def test_wire_text_inserts_boundaries_and_maps_back():
    text = "Belangrijke handelspartner\n\nMet de gesprekken hoopt Rusland."
    wire = wire_text(text)
    assert wire.text.startswith("Belangrijke handelspartner .\n")
    assert wire.original_span(0, 11) == (0, 11)
    dot = wire.text.index(" .")
    assert wire.original_span(dot, dot + 2) is None
    start = wire.text.index("Met")
    assert wire.original_span(start, start + 3) == (text.index("Met"), text.index("Met") + 3)


def test_wire_text_keeps_sentence_final_lines_and_long_lines():
    text = "Een zin.\n\nNog een zin\n" + "lang " * 20 + "\nslot"
    wire = wire_text(text)
    assert ".\n\nNog een zin .\n" in wire.text          # no stop after a stop; short line ends
    assert ("lang " * 20) + "\nslot" in wire.text       # a long line is probably wrapped prose


def test_wire_text_defuses_end_marker_and_control_characters():
    text = "Begin\nEOT\nverder\x00 en\x07 meer"
    wire = wire_text(text)
    assert "\nEOT\n" not in wire.text + "\n"
    assert "\x00" not in wire.text and "\x07" not in wire.text


def test_glued_closing_quote_stays_with_its_sentence():
    text = "“Er is contact.”\n\nRusland wil meer."
    answer = ("1\t“\t“\t[“]\tLET()\t1\tO\tO\t0\tROOT\n2\tEr\ter\t[er]\tVNW()\t1\tO\tO\t3\tmod\n"
              "3\tis\tzijn\t[zijn]\tWW(pv)\t1\tO\tO\t0\tROOT\n4\tcontact\tcontact\t[c]\tN(soort)\t1\tO\tO\t3\tsu\n"
              "5\t.\t.\t[.]\tLET()\t1\tO\tO\t4\tpunct\n\n"
              "1\t”\t”\t[”]\tLET()\t1\tO\tO\t0\tROOT\n2\tRusland\tRusland\t[R]\tSPEC(deeleigen)\t1\tB-LOC\tO\t3\tsu\n"
              "3\twil\twillen\t[w]\tWW(pv)\t1\tO\tO\t0\tROOT\n4\tmeer\tmeer\t[m]\tVNW()\t1\tO\tO\t3\tobj1\n"
              "5\t.\t.\t[.]\tLET()\t1\tO\tO\t4\tpunct\n\nREADY\n")
    doc = build_parsed_doc(text, wire_text(text), answer)
    first, second = doc.sentences
    assert text[first.start:first.end] == "“Er is contact.”"
    assert text[second.start:second.end] == "Rusland wil meer."


def test_paragraph_break_splits_a_sentence():
    text = "Kop zonder punt\n\nTekst gaat door."
    answer = "".join(f"{i}\t{w}\t{w}\t[{w}]\tN()\t1\tO\tO\t0\tROOT\n"
                     for i, w in enumerate(["Kop", "zonder", "punt", "Tekst", "gaat", "door", "."], 1))
    doc = build_parsed_doc(text, wire_text(text), answer + "\nREADY\n")
    assert [text[s.start:s.end] for s in doc.sentences] == ["Kop zonder punt", "Tekst gaat door."]
