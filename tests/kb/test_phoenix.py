from kroniek.kb.phoenix import parse_codes, phoenix_date, read_phoenix

# A made-up dictionary fragment in the Phoenix/TABARI layout.
SAMPLE = """\
# comment line
ARNOR_  [ARN]
+ARNORIAN_
+FORNOST_

ARAGORN_ELESSAR_  # CountryInfo.txt
+STRIDER_
+KING_ELESSAR
\t[ARNELI 780101-000101]
\t[ARNGOV >20000102]
\t[ARNELI]
GANDALF_
GANDALF_THE_GREY
\t[NGO 19000101-30000101] [IGOWIZ <990101]
"""


def test_entries_names_and_codes():
    entries = list(read_phoenix(SAMPLE.splitlines()))
    assert [e.names[0] for e in entries] == ["ARNOR", "ARAGORN_ELESSAR", "GANDALF"]
    arnor, aragorn, gandalf = entries
    assert arnor.names == ("ARNOR", "ARNORIAN", "FORNOST") and arnor.codes[0].code == "ARN"
    assert aragorn.names == ("ARAGORN_ELESSAR", "STRIDER", "KING_ELESSAR")
    assert "CountryInfo" in aragorn.comment
    assert [(c.code, c.start, c.end) for c in aragorn.codes] == [
        ("ARNELI", "1978-01-01", "2000-01-01"), ("ARNGOV", "2000-01-02", None), ("ARNELI", None, None)]
    assert gandalf.names == ("GANDALF", "GANDALF_THE_GREY")
    assert [(c.code, c.end) for c in gandalf.codes][1] == ("IGOWIZ", "1999-01-01")


def test_two_digit_years_and_broken_dates():
    assert phoenix_date("080507") == "2008-05-07"
    assert phoenix_date("700101") == "1970-01-01"
    assert phoenix_date("2004017") is None
    assert phoenix_date("990231") is None
    # A range whose two-digit start would come after its end lies in the century before.
    (code,) = parse_codes("[AFGELI 100101-450101]")
    assert (code.start, code.end) == ("1910-01-01", "1945-01-01")
    assert parse_codes("[---]") == []
