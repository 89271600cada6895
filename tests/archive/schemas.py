"""The vendors' schemas the exports must satisfy, as the tests check them.

eInnsyn publishes its API as an OpenAPI 3.0 document (tests/data/einnsyn/); its
schemas refer to each other with `$ref`. We validate with `jsonschema` (draft 4, which
OpenAPI 3.0's schema objects extend), resolving every `$ref` inside the whole
document through `referencing`, with OpenAPI's rules for a request body: a `readOnly`
property (`id`, `entity`, …) is not required and must not be sent. The formats we
send (`date-time`, `date`, `uri`) are checked, and, since the schemas allow any
extra key, a key the schema does not declare anywhere is an error too: a misspelt
field would otherwise pass unnoticed and be dropped by eInnsyn.

Noark 5 is checked with `xmlschema` against `arkivstruktur.xsd`, which imports
`metadatakatalog.xsd` beside it (tests/data/noark5-v5.0/).
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import xmlschema
import yaml
from jsonschema import Draft4Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

DATA = Path(__file__).resolve().parent.parent / "data"
EINNSYN_OPENAPI = DATA / "einnsyn" / "einnsyn.openapi.yml"
NOARK5_SCHEMA = DATA / "noark5-v5.0" / "arkivstruktur.xsd"
SPEC_URI = "urn:einnsyn:openapi"


@functools.cache
def openapi() -> dict[str, Any]:
    return yaml.safe_load(EINNSYN_OPENAPI.read_text(encoding="utf-8"))


@functools.cache
def registry() -> Registry:
    resource = Resource(contents=openapi(), specification=DRAFT4)
    return Registry().with_resource(SPEC_URI, resource)


def _required_for_writing(validator, required, instance, schema):
    """`required`, except for readOnly properties: a client never sends those."""
    if not validator.is_type(instance, "object"):
        return
    properties = schema.get("properties", {})
    for name in required:
        if name not in instance and not properties.get(name, {}).get("readOnly"):
            yield ValidationError(f"{name!r} is a required property")


def _read_only(validator, read_only, instance, schema):
    if read_only:
        yield ValidationError(f"read-only property sent in a request: {instance!r}")


formats = FormatChecker(formats=())


@formats.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    # RFC 3339: a date-time carries its offset.
    return moment.tzinfo is not None and "T" in value


@formats.checks("date", raises=ValueError)
def _date(value) -> bool:
    if not isinstance(value, str):
        return True
    datetime.date.fromisoformat(value)
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


@formats.checks("uri")
def _uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and " " not in value


RequestValidator = validators.extend(
    Draft4Validator,
    {"required": _required_for_writing, "readOnly": _read_only},
)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    resolver = registry().resolver(base_uri=SPEC_URI)
    while "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        resolver, schema = resolved.resolver, resolved.contents
    return schema


def _declared(schema: dict[str, Any]) -> dict[str, Any]:
    """Every property a schema declares, through allOf, anyOf and oneOf."""
    schema = _resolve(schema)
    found = dict(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, []):
            found.update(_declared(branch))
    return found


def _items(schema: dict[str, Any]) -> dict[str, Any] | None:
    schema = _resolve(schema)
    if "items" in schema:
        return schema["items"]
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, []):
            items = _items(branch)
            if items is not None:
                return items
    return None


def undeclared_keys(instance: Any, schema: dict[str, Any], path: str = "") -> list:
    """Keys of `instance` that `schema` declares nowhere, as JSON paths."""
    found = []
    if isinstance(instance, dict):
        declared = _declared(schema)
        for key, value in instance.items():
            if key not in declared:
                found.append(f"{path}/{key}")
            else:
                found += undeclared_keys(value, declared[key], f"{path}/{key}")
    elif isinstance(instance, list):
        items = _items(schema)
        for index, value in enumerate(instance):
            if items is not None:
                found += undeclared_keys(value, items, f"{path}/{index}")
    return found


def schema_ref(name: str) -> dict[str, str]:
    return {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}


def einnsyn_errors(instance: Any, schema: dict[str, Any]) -> list[str]:
    """Everything wrong with `instance` as a request body of `schema`."""
    validator = RequestValidator(schema, registry=registry(), format_checker=formats)
    errors = [
        line for error in validator.iter_errors(instance) for line in _explain(error)
    ]
    errors += [f"{key}: not in the schema" for key in undeclared_keys(instance, schema)]
    return errors


def _explain(error: ValidationError) -> list[str]:
    """The error; for «not valid under any of the given schemas», why not under the
    branches the value was meant for (an object under «id or object» is meant as the
    object, not as the id)."""
    if not error.context:
        return [f"{error.json_path}: {error.message}"]
    meant = [
        sub
        for sub in error.context
        if not (sub.validator == "type" and not sub.relative_path)
    ]
    if not meant:
        return [f"{error.json_path}: {error.message}"]
    return [line for sub in meant for line in _explain(sub)]


def assert_valid_einnsyn(instance: Any, name: str = "Moetemappe.MoetemappeCreate"):
    errors = einnsyn_errors(instance, schema_ref(name))
    assert not errors, "\n".join(errors)


def request_body_schema(method: str, path_template: str) -> dict[str, str]:
    """The JSON request body schema of an operation of eInnsyn's API, as a reference
    into the document (so its own `$ref`s resolve there too)."""
    openapi()["paths"][path_template][method.lower()]["requestBody"]  # it exists

    def escape(token: str) -> str:
        return token.replace("~", "~0").replace("/", "~1")

    pointer = "/".join(
        escape(token)
        for token in (
            "paths",
            path_template,
            method.lower(),
            "requestBody",
            "content",
            "application/json",
            "schema",
        )
    )
    return {"$ref": f"{SPEC_URI}#/{pointer}"}


@functools.cache
def noark5_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(NOARK5_SCHEMA))


def assert_valid_noark5(path: Path) -> None:
    errors = [str(error) for error in noark5_schema().iter_errors(str(path))]
    assert not errors, "\n\n".join(errors[:5])
