import pytest

from kroniek.kb.translit import load_transliterator


@pytest.fixture(scope="module")
def tr():
    return load_transliterator()


@pytest.mark.parametrize("english,dutch,scheme", [
    ("Vladimir Putin", "Vladimir Poetin", "ru"),
    ("Nikita Khrushchev", "Nikita Chroesjtsjov", "ru"),
    ("Mikhail Gorbachev", "Michail Gorbatsjov", "ru"),
    ("Volodymyr Zelensky", "Volodymyr Zelenski", "ru"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelenski", "ru"),
    ("Sergey Lavrov", "Sergej Lavrov", "ru"),
    ("Boris Yeltsin", "Boris Jeltsin", "ru"),
    ("Leonid Brezhnev", "Leonid Brezjnev", "ru"),
    ("Viktor Yanukovych", "Viktor Janoekovytsj", "ru"),
    ("Muammar Qaddafi", "Moeammar Kaddafi", "ar"),
    ("Kim Jong Un", "Kim Jong-un", "ko"),
])
def test_dutch_spellings_by_rule(tr, english, dutch, scheme):
    assert tr.dutch(english, scheme) == dutch


def test_scheme_follows_the_country(tr):
    assert tr.scheme_for("UKR") == "ru" and tr.scheme_for("PRK") == "ko"
    assert tr.scheme_for("NLD") is None
    assert tr.variants(["Vladimir Putin", "Putin"], "RUS") == ["Vladimir Poetin", "Poetin"]
    assert tr.variants(["Mark Rutte"], "NLD") == []
