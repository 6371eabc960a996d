"""kroniek's exception family and its stable error codes.

Every error kroniek raises on purpose is a :class:`KroniekError` with a code from
:data:`CODES`. Codes are part of the public contract: rejects in the store, the
``error`` object in JSON lines and the CLI's messages carry them, and users filter on
them, so a code is never renamed once released (add new ones instead).
"""

from __future__ import annotations

# code -> one-line meaning. docs/ERRORS.md lists the same codes; a test keeps them in step.
CODES: dict[str, str] = {
    # input: one bad record becomes a Reject with one of these
    "E_INPUT_NOT_FOUND": "an input path does not exist or cannot be read",
    "E_INPUT_FORMAT": "the input format is unknown or not supported",
    "E_INPUT_NO_DATE": "the record has no publication date",
    "E_INPUT_BAD_DATE": "the publication date is malformed or impossible",
    "E_INPUT_EMPTY_TEXT": "the record has no text, or only whitespace",
    "E_INPUT_ENCODING": "the bytes are not valid in the declared encoding",
    "E_INPUT_JSON": "a JSON line is malformed or is not an object",
    "E_INPUT_CSV": "a CSV row is malformed or lacks a required column",
    "E_INPUT_FIELD": "a field has the wrong type (a list where text is expected, ...)",
    "E_INPUT_TOO_LONG": "the text is longer than the configured limit",
    "E_INPUT_LANG": "the record's language is not supported",
    "E_INPUT_INVALID": "the record could not be read for another reason (see message)",
    # parser: the NLP backend
    "E_PARSER_MISSING": "the parser program or its data is not installed",
    "E_PARSER_START": "the parser process did not start or did not become ready",
    "E_PARSER_TIMEOUT": "the parser took longer than the per-document timeout",
    "E_PARSER_CRASH": "the parser process died or closed the connection",
    "E_PARSER_OUTPUT": "the parser's output could not be understood",
    # pipeline and extraction
    "E_PIPELINE_ORDER": "a pipeline step requires an annotation no earlier step provides",
    "E_EXTRACT": "an extraction step failed on a document",
    # evaluation
    "E_EVAL_GOLD": "a gold file is malformed or does not match its text",
    # knowledge base
    "E_KB_FILE": "a knowledge-base or lexicon file is malformed (the message names file and line)",
    # learned models
    "E_MODEL": "a learned model file (events.model) is missing or is not a kroniek model",
    # configuration
    "E_CONFIG": "the configuration is invalid (unknown key, wrong type, bad value)",
    # store
    "E_STORE_LOCKED": "another process is writing to the database",
    "E_STORE_OPEN": "the database cannot be opened or is not a kroniek database",
    "E_STORE_MIGRATION": "a database migration failed",
    "E_STORE_NOT_FOUND": "the requested record is not in the database",
    "E_STORE_QUERY": "a query or its parameters are malformed",
    # query, export and the HTTP API
    "E_QUERY_PARAM": "a query parameter is malformed (a date, an event type, a period)",
    "E_QUERY_NO_ACTOR": "no actor in the database matches the name, KB id or country code",
    "E_HTTP_NOT_FOUND": "the HTTP server has no such page or endpoint",
    "E_HTTP_METHOD": "the HTTP method is not allowed on this endpoint",
    "E_HTTP_HOST": "the HTTP request names a host this server does not serve (DNS rebinding guard)",
    "E_HTTP": "another HTTP error of the server",
    "E_EXPORT": "an export cannot be written (unknown format, missing optional package, no output file)",


    # batch: the Spark job and its Parquet output
    "E_SPARK_MISSING": "pyspark, pyarrow or Java is not installed (pip install 'kroniek[spark]')",
    "E_SPARK_JOB": "Spark did not start, or the Spark job failed",
    "E_PARQUET_INPUT": "a folder is not the Parquet output of `kroniek spark`, or its tables do not fit",
}


class KroniekError(Exception):
    """Base of every error kroniek raises on purpose; carries a stable ``code``."""

    default_code = "E_INPUT_INVALID"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        code = code or self.default_code
        if code not in CODES:
            raise ValueError(f"unknown kroniek error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class InputError(KroniekError):
    """A record or file that cannot become an Article."""

    default_code = "E_INPUT_INVALID"


class ParserError(KroniekError):
    """The NLP backend failed."""

    default_code = "E_PARSER_CRASH"


class ParserUnavailable(ParserError):
    default_code = "E_PARSER_MISSING"


class ParserTimeout(ParserError):
    default_code = "E_PARSER_TIMEOUT"


class ParserCrashed(ParserError):
    default_code = "E_PARSER_CRASH"


class PipelineError(KroniekError):
    default_code = "E_PIPELINE_ORDER"


class ConfigError(KroniekError):
    default_code = "E_CONFIG"


class StoreError(KroniekError):
    default_code = "E_STORE_OPEN"


class QueryError(KroniekError):
    """A query that cannot be answered as asked (bad parameter, unknown actor)."""

    default_code = "E_QUERY_PARAM"


class ExportError(KroniekError):
    default_code = "E_EXPORT"


class EvalError(KroniekError):
    """A gold file that cannot be read or does not fit its text."""

    default_code = "E_EVAL_GOLD"


class BatchError(KroniekError):
    """The Spark job or its Parquet output."""

    default_code = "E_SPARK_JOB"
