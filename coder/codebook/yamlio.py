"""Safe YAML reading that remembers where every mapping came from.

Validation messages must name `file:line`, so each mapping is loaded as a :class:`LineDict`
carrying the line of its first key. Only YAML's safe tags are accepted: a `!!python/...` tag
raises a :class:`yaml.constructor.ConstructorError`, which the loader reports as a problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A dict that knows the (1-based) line it started on and the lines of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows the line of each item (for items that are not mappings)."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~5x faster


class _LineLoader(_SafeBase):  # type: ignore[misc, valid-type]
    """Safe loader whose mappings and sequences record their source lines."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, f"unhashable or complex key {key!r}", key_node.start_mark
            )
        skey = str(key) if not isinstance(key, str) else key
        if skey in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {skey!r}", key_node.start_mark
            )
        result[skey] = loader.construct_object(value_node, deep=True)
        result.key_lines[skey] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlError(Exception):
    """A YAML file could not be read; carries the file and line for the message."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely, with line numbers on every mapping and list."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise YamlError(path, 1, f"not UTF-8 text ({err.reason})") from err
    except OSError as err:
        raise YamlError(path, 0, f"cannot read file: {err.strerror or err}") from err
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 0
        problem = err.problem or str(err)
        if err.context:
            problem = f"{err.context}: {problem}"
        raise YamlError(path, line, f"malformed YAML: {problem}") from err
    except yaml.YAMLError as err:
        raise YamlError(path, 0, f"malformed YAML: {err}") from err
