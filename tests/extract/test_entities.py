from kroniek.extract.entities import extract_entities

from ..helpers import toy_parse


def names(doc):
    return {e.name: [m.text for m in e.mentions] for e in extract_entities(doc)}


def test_full_name_and_surname_merge():
    doc = toy_parse("Sergej Lavrov reist af. Lavrov zei niets. Daarna sprak Lavrov.",
                    ner={"Sergej Lavrov": "PER", "Lavrov": "PER"})
    ents = extract_entities(doc)
    assert len(ents) == 1
    (e,) = ents
    assert e.name == "Sergej Lavrov" and e.type == "PER" and e.actor is None
    assert [m.text for m in e.mentions] == ["Sergej Lavrov", "Lavrov", "Lavrov"]


def test_genitive_joins_the_bare_name():
    doc = toy_parse("Poetins band met Kim. President Poetin reisde.", ner={"Poetins": "PER", "Poetin": "PER"})
    assert names(doc) == {"Poetin": ["Poetins", "President Poetin"], "Kim": ["Kim"]}


def test_genitive_with_apostrophe_on_locations():
    doc = toy_parse("Noord-Korea zwijgt. Noord-Korea’s programma groeit.",
                    ner={"Noord-Korea": "LOC", "Noord-Korea’s": "LOC"})
    assert names(doc) == {"Noord-Korea": ["Noord-Korea", "Noord-Korea’s"]}


def test_leading_function_words_are_trimmed_titles_kept():
    doc = toy_parse("De top tussen Trump en Kim. Met president Trump erbij.",
                    ner={"tussen Trump": "PER", "president Trump": "PER"},
                    pos={"tussen": "VZ", "president": "N"})
    (e,) = [x for x in extract_entities(doc) if x.type == "PER" and "Trump" in x.name]
    assert e.name == "Trump" and [m.text for m in e.mentions] == ["Trump", "president Trump"]


def test_adjective_only_spans_are_not_entities():
    doc = toy_parse("De Russische regering zwijgt.", ner={"Russische": "LOC"}, pos={"Russische": "ADJ"})
    assert extract_entities(doc) == ()


def test_ambiguous_short_name_goes_to_the_most_mentioned():
    text = ("Kim Jong-un sprak. Kim Jong-un zweeg. Kim Yong-chol reisde. Het gaat om Trump en Kim.")
    doc = toy_parse(text, ner={"Kim Jong-un": "PER", "Kim Yong-chol": "PER", "Trump": "PER", "Kim": "PER"})
    ents = {e.name: [m.text for m in e.mentions] for e in extract_entities(doc)}
    assert ents["Kim Jong-un"] == ["Kim Jong-un", "Kim Jong-un", "Kim"]
    assert ents["Kim Yong-chol"] == ["Kim Yong-chol"]


def test_types_mapped_to_schema_and_offsets_sound():
    text = "De Tweede Wereldoorlog en CNN en de iPhone."
    doc = toy_parse(text, ner={"Tweede Wereldoorlog": "EVE", "CNN": "ORG", "iPhone": "PRO"})
    ents = extract_entities(doc)
    assert {e.name: e.type for e in ents} == {"Tweede Wereldoorlog": "EVENT", "CNN": "ORG"}
    for e in ents:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    assert [e.id for e in ents] == ["e1", "e2"]


def test_lowercase_only_spans_are_dropped():
    doc = toy_parse("het kabinet besloot.", ner={"kabinet": "ORG"})
    assert extract_entities(doc) == ()


def test_mislabelled_surname_joins_the_person():
    doc = toy_parse("Volodymyr Zelensky reist. “Nee”, zei Zelensky.",
                    ner={"Volodymyr Zelensky": "PER", "Zelensky": "LOC"})
    (e,) = extract_entities(doc)
    assert e.name == "Volodymyr Zelensky" and e.type == "PER" and len(e.mentions) == 2


def test_repeated_short_forms_without_a_person_stay_one_entity():
    doc = toy_parse("De Verenigde Staten zwijgen. Staten praten. Staten zwijgen.",
                    ner={"Verenigde Staten": "LOC", "Staten": "LOC"})
    ents = {e.name: len(e.mentions) for e in extract_entities(doc)}
    assert ents == {"Verenigde Staten": 1, "Staten": 2}
