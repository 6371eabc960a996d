from kroniek.extract.clauses import clause_map

from ..helpers import tagged_parse


def clauses(spec):
    doc = tagged_parse(spec)
    cm = clause_map(doc)
    return [(c.kind, c.opener, " ".join(doc.tokens[i].text for i in c.tokens)) for c in cm.clauses]


def test_coordinated_main_clauses_split_but_coordinated_names_do_not():
    got = clauses("Kim|kim|SPEC() reisde|reizen|WW(pv,verl,ev) naar|naar|VZ(init) Rusland "
                  "en|en|VG(neven) Poetin bezocht|bezoeken|WW(pv,verl,ev) Korea .")
    assert got == [("main", None, "Kim reisde naar Rusland"), ("coord", "en", "en Poetin bezocht Korea .")]
    got = clauses("Trump en|en|VG(neven) Kim ontmoeten|ontmoeten|WW(pv,tgw,mv) elkaar|elkaar|VNW(recip) .")
    assert got == [("main", None, "Trump en Kim ontmoeten elkaar .")]


def test_embedded_conditional_clause_interrupts_the_main_clause():
    got = clauses("De ontmoeting zal|zullen|WW(pv,tgw,ev) ,|,|LET() als|als|VG(onder) deze|deze|VNW(aanw) "
                  "doorgaat|doorgaan|WW(pv,tgw,met-t) ,|,|LET() op|op|VZ(init) 12|12|TW() juni|juni|SPEC() "
                  "plaatsvinden|plaatsvinden|WW(inf) .")
    assert got == [("main", None, "De ontmoeting zal , , op 12 juni plaatsvinden ."),
                   ("sub", "als", "als deze doorgaat")]


def test_als_without_a_verb_is_not_a_clause():
    got = clauses("Rutte sprak|spreken|WW(pv,verl,ev) als|als|VG(onder) premier|premier|N(soort) .")
    assert got == [("main", None, "Rutte sprak als premier .")]


def test_subordinate_clause_parent_and_om_te():
    doc = tagged_parse("Rusland kondigde|kondigen|WW(pv,verl,ev) aan|aan|VZ(fin) dat|dat|VG(onder) Lavrov "
                       "zou|zullen|WW(pv,verl,ev) reizen|reizen|WW(inf) om|om|VZ(init) contact|contact|N(soort) "
                       "te|te|VZ(init) normaliseren|normaliseren|WW(inf) .")
    cm = clause_map(doc)
    kinds = [(c.kind, c.parent) for c in cm.clauses]
    assert kinds == [("main", None), ("sub", 0), ("om", 1)]
    assert cm.clause_of(4).kind == "sub"  # "zou"


def test_clause_ids_are_positions_even_when_a_clause_stays_empty():
    # "Tenzij" opens a clause at once replaced by nothing before it; ids must stay dense.
    doc = tagged_parse("België bengelt|bengelen|WW(pv,tgw,met-t) achteraan|achteraan|BW() ,|,|LET() "
                       "maar|maar|VG(neven) haalt|halen|WW(pv,tgw,met-t) Spanje in|in|VZ(fin) . "
                       "Tenzij|tenzij|VG(onder) we|we|VNW(pers,pron,nomin) peren|peer|N(soort) "
                       "verkopen|verkopen|WW(pv,tgw,mv) .")
    cm = clause_map(doc)
    assert [c.id for c in cm.clauses] == list(range(len(cm.clauses)))
    for t in doc.tokens:
        assert t.i in cm.clause_of(t.i).tokens
    assert all(c.parent is None or c.parent < len(cm.clauses) for c in cm.clauses)
