"""Configuration checking: defaults filled in, unknown or mistyped keys named in one line."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Mapping
from typing import Any

import jsonschema


class ConfigError(ValueError):
    """A configuration key is unknown, missing or has the wrong type or value."""


def _key_path(path: Any) -> str:
    return ".".join(str(part) for part in path)


def _fill_defaults(config: dict[str, Any], schema: Mapping[str, Any]) -> None:
    for key, sub in schema.get("properties", {}).items():
        if key not in config and "default" in sub:
            config[key] = copy.deepcopy(sub["default"])
        if isinstance(config.get(key), dict) and sub.get("type") == "object":
            _fill_defaults(config[key], sub)


FIX = "fix it in config/config.yaml or in the file given to --configfile"


def _message(error: jsonschema.ValidationError) -> str:
    where = _key_path(error.absolute_path)
    fix = FIX
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        parts = []
        for key in unknown:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = (
                f" (did you mean '{close[0]}'?)"
                if close
                else f" (known keys: {', '.join(allowed)})"
            )
            parts.append(f"unknown config key '{_key_path([*error.absolute_path, key])}'{hint}")
        return f"{'; '.join(parts)}; {fix}"
    return (
        f"config key '{where or '<root>'}' = {error.instance!r} is invalid: {error.message}; {fix}"
    )


def validate_config(config: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``config`` with schema defaults filled in.

    Raises:
        ConfigError: one line naming the first bad key, the problem and the fix.
    """
    resolved = copy.deepcopy(dict(config))
    _fill_defaults(resolved, schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(resolved), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise ConfigError(_message(errors[0]))
    topics = resolved.get("topics", {})
    if topics.get("k_min", 0) > topics.get("k_max", 0):
        raise ConfigError(
            f"config key 'topics.k_min' ({topics['k_min']}) is larger than 'topics.k_max' "
            f"({topics['k_max']}); make k_min <= k_max: {FIX}"
        )
    return resolved
