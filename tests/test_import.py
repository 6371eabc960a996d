"""``import kroniek`` stays light: the public names resolve lazily (kroniek/__init__.py)."""

import json
import subprocess
import sys

import kroniek

# Modules that must not load when a notebook only imports kroniek and looks at a name:
# the web framework, the schema validator, Spark, the parser and the pipeline's data.
HEAVY = ("fastapi", "uvicorn", "starlette", "pydantic", "jsonschema", "pyspark", "pyarrow", "pandas",
         "warcio", "click", "kroniek.nlp.frog", "kroniek.pipeline", "kroniek.kb", "kroniek.store",
         "kroniek.query", "kroniek.api")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_importing_kroniek_and_its_public_names_loads_nothing_heavy():
    loaded = _loaded_after("import kroniek\nprint(kroniek.Annotator, kroniek.open, kroniek.Database, "
                           "kroniek.Document, kroniek.KroniekError)")
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def test_making_an_annotator_and_a_database_starts_nothing(tmp_path):
    # No parser process, no database file: both wait for their first use.
    loaded = _loaded_after(f"import kroniek\nnlp = kroniek.Annotator()\ndb = kroniek.open({str(tmp_path / 'x.db')!r})")
    assert "kroniek.nlp.frog" not in loaded and "kroniek.pipeline" not in loaded
    assert "kroniek.store" not in loaded and "sqlite3" not in loaded
    assert not (tmp_path / "x.db").exists()


def test_the_annotator_class_loads_only_its_own_module_and_the_errors():
    loaded = _loaded_after("import kroniek\nkroniek.Annotator")
    assert sorted(m for m in loaded if m.startswith("kroniek")) == ["kroniek", "kroniek.annotator", "kroniek.errors"]


def test_public_names():
    assert set(kroniek.__all__) <= set(dir(kroniek))
    for name in kroniek.__all__:
        assert getattr(kroniek, name) is not None
    try:
        kroniek.no_such_name
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
