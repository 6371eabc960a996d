import pytest

from kroniek.store import Store

from .corpus import build


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("corpus") / "corpus.db")


@pytest.fixture
def store(corpus_db):
    s = Store.open_reader(corpus_db)
    yield s
    s.close()
