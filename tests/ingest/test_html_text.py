from kroniek.ingest.html_text import html_to_page

from ..warc_helpers import news_page


def test_article_paragraphs_without_the_page_around_them():
    html = news_page("Kabinet stelt besluit uit", ["De ministerraad nam vrijdag geen besluit.",
                                                   "Een nieuwe poging volgt &eacute;&eacute;n week later."],
                     published="2019-04-12T09:30:00+02:00")
    page = html_to_page(html)
    assert page.text == ("De ministerraad nam vrijdag geen besluit.\n\n"
                         "Een nieuwe poging volgt één week later.")
    assert page.title == "Kabinet stelt besluit uit"
    assert page.lang == "nl" and page.published == "2019-04-12T09:30:00+02:00"
    assert page.site_name == "De Testkrant"
    for noise in ("cookies", "tracker", "Home", "Lees ook", "rechten", "color"):
        assert noise not in page.text


def test_paragraph_without_end_tags_and_nested_inline_markup():
    html = ("<html lang='nl-NL'><body><main><p>Eerste <b>vette</b> zin,\n  over twee regels."
            "<p>Tweede alinea met <a href='x'>een link</a>.</main></body></html>")
    page = html_to_page(html)
    assert page.text == "Eerste vette zin, over twee regels.\n\nTweede alinea met een link."
    assert page.lang == "nl" and page.published is None and page.title is None


def test_page_without_paragraphs_keeps_its_text_blocks():
    page = html_to_page("<html><body><div>Blok een</div><div>Blok twee<br>regel drie</div></body></html>")
    assert page.text == "Blok een\n\nBlok twee\n\nregel drie"


def test_date_from_json_ld_and_from_time_element():
    ld = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2019-03-01T07:00:00Z"}</script></head><body><p>Tekst.</p></body></html>')
    assert html_to_page(ld).published == "2019-03-01T07:00:00Z"
    timed = '<html><body><article><time datetime="2019-02-14">14 feb</time><p>Tekst.</p></article></body></html>'
    assert html_to_page(timed).published == "2019-02-14"


def test_broken_markup_does_not_raise():
    for html in ("", "<p>", "</div></div><p>Los</p></article>", "<script>nooit gesloten", "<<<>>>&&&"):
        html_to_page(html)
    assert html_to_page("</div></div><p>Los</p></article>").text == "Los"
