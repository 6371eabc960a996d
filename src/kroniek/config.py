"""Typed, validated configuration.

A configuration file is TOML with the sections below; unknown sections or keys and
values of the wrong type are errors (E_CONFIG) that name the offending key, because a
silently ignored typo ("timout") is worse than a refusal.

    [parser]
    backend = "auto"        # "frog", "fast" (kroniek's own, docs/FAST_PARSER.md) or "auto"

    [frog]
    binary = "frog"
    doc_timeout = 120.0

    [ingest]
    max_chars = 500000

    [kb]
    user_files = ["my-actors.csv"]

    [events]
    learned = true          # the learned layer over the event rules (docs/EVALUATION.md)
    model = "my-model.json" # a model of one's own (scripts/train_event_model.py)
    actors = "political"    # or "all": also events between private people, firms, towns
    learned_sides = "both"  # or "one": also the learned layer's events with one side
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class FrogConfig:
    """How kroniek runs Frog (see docs/FROG.md)."""

    binary: str = "frog"
    # Frog's own configuration file; None uses Frog's default (Dutch, /usr/share/frog/nld).
    frog_config: str | None = None
    # Modules to skip, in Frog's letters (t l a c m n p); "" runs everything.
    skip: str = ""
    # Seconds to wait for a new Frog process to accept connections.
    start_timeout: float = 240.0
    # Per-document timeout: base seconds plus seconds per 1,000 characters.
    doc_timeout: float = 60.0
    doc_timeout_per_kchar: float = 4.0
    # How often one document is retried on a fresh process after a crash or hang.
    retries: int = 1
    # Threads per Frog process; 1 lets one process per worker scale over cores.
    omp_threads: int = 1
    # Where Frog's port lives (docs/RELIABILITY.md): "namespace" = a private network
    # namespace only kroniek reaches, else refuse to start; "auto" = that where the
    # kernel allows unprivileged namespaces, else an ordinary port (open on every
    # interface, as Frog cannot bind to loopback alone); "none" = always the latter.
    isolation: str = "auto"


PARSER_BACKENDS = ("auto", "frog", "fast")


@dataclass(frozen=True)
class ParserConfig:
    """Which parser reads the articles (docs/FAST_PARSER.md)."""

    # "frog": Frog (docs/FROG.md); "fast": kroniek's own spaCy model, trained on Frog's
    # parses; "auto": Frog where it is installed, else the fast parser.
    backend: str = "auto"
    # A model folder written by scripts/train_fast_parser.py; None: the one kroniek ships.
    model: str | None = None


@dataclass(frozen=True)
class IngestConfig:
    # Texts longer than this (in characters) are rejected with E_INPUT_TOO_LONG.
    max_chars: int = 500_000
    default_lang: str = "nl"
    encoding: str = "utf-8"


@dataclass(frozen=True)
class StoreConfig:
    # Documents written per transaction, at most ...
    batch_size: int = 50
    # ... and seconds between a transaction's first write and its commit, at most: a
    # killed ingest loses no more than that, and a running ingest shows in the UI.
    commit_seconds: float = 2.0


@dataclass(frozen=True)
class KbConfig:
    """The actor knowledge base (docs/KB.md)."""

    # The user's own actor tables (CSV or TSV), read after kroniek's own, in this order.
    user_files: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventsConfig:
    """Event extraction (docs/EVALUATION.md: what the learned layer adds)."""

    # Add the events the learned layer finds where the pattern rules coded none.
    learned: bool = True
    # A model file written by scripts/train_event_model.py; None: the one kroniek ships.
    model: str | None = None
    # "political": an event needs a state, a government body, an armed group or an
    # international organisation on one side (docs/EVENTS.md); "all": any actor with a
    # country will do (private people, companies, towns).
    actors: str = "political"
    # "both": the learned layer adds only events with a source and a target; "one": also
    # events with one of them. One-sided guesses were right about a quarter of the time
    # on political news and almost never on general news (docs/EVALUATION.md).
    learned_sides: str = "both"


@dataclass(frozen=True)
class Config:
    workers: int = 1
    parser: ParserConfig = field(default_factory=ParserConfig)
    frog: FrogConfig = field(default_factory=FrogConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    kb: KbConfig = field(default_factory=KbConfig)
    events: EventsConfig = field(default_factory=EventsConfig)

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)


def _build(cls: type, data: dict[str, Any], where: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{where or 'configuration'} must be a table")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{where}.{key}" if where else key
        if key not in names:
            raise ConfigError(f"unknown configuration key {path!r} (known: {', '.join(sorted(names))})")
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            kwargs[key] = _build(hint, value, path)
        else:
            kwargs[key] = _check_type(hint, value, path)
    obj = cls(**kwargs)
    _check_values(obj, where)
    return obj


def _check_type(hint: Any, value: Any, path: str) -> Any:
    if typing.get_origin(hint) is tuple:
        # A list in TOML: every item of the declared type; kept as a tuple (frozen config).
        item = typing.get_args(hint)[0]
        if not isinstance(value, list) or not all(isinstance(v, item) for v in value):
            raise ConfigError(f"configuration key {path!r} must be a list of {item.__name__}")
        return tuple(value)
    allowed = typing.get_args(hint) or (hint,)
    if value is None and type(None) in allowed:
        return None
    if float in allowed and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    for typ in allowed:
        if typ is not type(None) and isinstance(value, typ) and not (
            isinstance(value, bool) and typ is not bool
        ):
            return value
    names = " or ".join(getattr(t, "__name__", str(t)) for t in allowed)
    raise ConfigError(f"configuration key {path!r} must be {names}, not {type(value).__name__}")


def _check_values(obj: Any, where: str) -> None:
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value < 0 or (value == 0 and f.name in {"workers", "max_chars", "batch_size",
                                                       "omp_threads", "start_timeout", "doc_timeout"}):
                raise ConfigError(f"configuration key {where + '.' if where else ''}{f.name} "
                                  f"must be positive, got {value}")
    if isinstance(obj, FrogConfig) and obj.isolation not in {"auto", "namespace", "none"}:
        raise ConfigError(f"frog.isolation must be auto, namespace or none, got {obj.isolation!r}")
    if isinstance(obj, ParserConfig) and obj.backend not in PARSER_BACKENDS:
        raise ConfigError(f"parser.backend must be auto, frog or fast, got {obj.backend!r}")
    if isinstance(obj, EventsConfig) and obj.actors not in {"political", "all"}:
        raise ConfigError(f"events.actors must be political or all, got {obj.actors!r}")
    if isinstance(obj, EventsConfig) and obj.learned_sides not in {"both", "one"}:
        raise ConfigError(f"events.learned_sides must be both or one, got {obj.learned_sides!r}")
    if isinstance(obj, FrogConfig) and set(obj.skip) - set("tlacmnp"):
        raise ConfigError(f"frog.skip may only hold the letters t l a c m n p, got {obj.skip!r}")


def config_from_dict(data: dict[str, Any]) -> Config:
    return _build(Config, data, "")


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Load a TOML configuration; None gives the defaults (or $KRONIEK_CONFIG if set)."""
    path = path or os.environ.get("KRONIEK_CONFIG")
    if not path:
        return Config()
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"configuration file {str(p)!r} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"configuration file {str(p)!r} is not valid TOML: {exc}") from None
    return config_from_dict(data)
