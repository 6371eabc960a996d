from kroniek.kb.names import inflect_adjective, name_key, strip_genitive, title_case


def test_keys_ignore_case_accents_quotes_dashes_and_spacing():
    assert name_key("Noord‑Korea’s") == name_key("noord-korea's")
    assert name_key("Israël") == name_key("Israel") == "israel"
    assert name_key("  Kim   Jong-un ") == "kim jong-un"


def test_dutch_adjectives_inflect_by_rule():
    assert inflect_adjective("Russisch") == "Russische"
    assert inflect_adjective("Amerikaans") == "Amerikaanse"   # two consonants: the double vowel stays
    assert inflect_adjective("Chinees") == "Chinese"          # one consonant: the syllable opens
    assert inflect_adjective("Portugees") == "Portugese"
    assert inflect_adjective("Pools") == "Poolse"
    assert inflect_adjective("Noord-Koreaans") == "Noord-Koreaanse"
    assert inflect_adjective("Indiaas") == "Indiase"          # after a vowel of its own syllable too
    assert inflect_adjective("Iraaks") == "Iraakse"


def test_genitives():
    assert strip_genitive("Poetins") == "Poetin"
    assert strip_genitive("Noord-Korea’s") == "Noord-Korea"
    assert strip_genitive("Bush'") == "Bush"
    assert strip_genitive("VS") is None  # too short to be a genitive of anything


def test_title_case_of_dictionary_names():
    assert title_case("VLADIMIR_PUTIN") == "Vladimir Putin"
    assert title_case("KIM_JONG-IL") == "Kim Jong-Il"
