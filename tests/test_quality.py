"""The quality gate: the sample and development sets must score at least their floors.

The records come from the same extraction path as `pressfacts run` (no Prefect), the figures from
`pressfacts eval` (the reference scorer's rules), the floors from `quality_floors.toml`.
"""

import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from pipelines import evaluate
from tests.eval_sets import EVAL_SETS

FLOORS_FILE = Path(__file__).with_name("quality_floors.toml")
ATTRIBUTE_KINDS = frozenset(evaluate.ATTRIBUTE_OF_KIND)


def load_floors() -> dict[str, Any]:
    with open(FLOORS_FILE, "rb") as handle:
        return tomllib.load(handle)


def figures(result: Mapping[str, Any]) -> dict[str, float | None]:
    """The floor-relevant figures of one scoring run, named as in the floors file (`labs.attr`)."""
    named: dict[str, float | None] = {"published": result["published_acc"]}
    for kind, k in result["kinds"].items():
        named[f"{kind}.f1"] = k["f1"]
        if kind in ATTRIBUTE_KINDS:
            named[f"{kind}.attr"] = k["attr_acc"]
    return named


def flatten(floors: Mapping[str, Any]) -> dict[str, float]:
    """`{"labs": {"f1": 0.5}, "published": 0.9}` -> `{"labs.f1": 0.5, "published": 0.9}`."""
    flat: dict[str, float] = {}
    for key, value in floors.items():
        if isinstance(value, Mapping):
            flat.update({f"{key}.{metric}": floor for metric, floor in value.items()})
        else:
            flat[key] = value
    return flat


def below_floor(measured: Mapping[str, float | None], floors: Mapping[str, float]) -> list[str]:
    """One line per figure under its floor (a missing figure counts as 0)."""
    return [
        f"{name}: {measured.get(name) or 0.0:.3f} < floor {floor:.3f}"
        for name, floor in floors.items()
        if (measured.get(name) or 0.0) < floor
    ]


def test_floors_file_names_every_figure_of_both_sets() -> None:
    """A misspelt key would silently check nothing, so the file must name exactly the figures."""
    expected = set(
        figures({"published_acc": 0, "kinds": {k: {"f1": 0, "attr_acc": 0} for k in evaluate.KINDS}})
    )
    floors = load_floors()
    assert set(floors) == set(EVAL_SETS)
    for set_name, set_floors in floors.items():
        flat = flatten(set_floors)
        assert set(flat) == expected, set_name
        assert all(0.0 <= floor <= 1.0 for floor in flat.values()), set_name


@pytest.mark.parametrize(
    ("measured", "floors", "expected"),
    [
        ({"labs.f1": 0.80}, {"labs.f1": 0.75}, []),
        ({"labs.f1": 0.75}, {"labs.f1": 0.75}, []),
        ({"labs.f1": 0.74}, {"labs.f1": 0.75}, ["labs.f1: 0.740 < floor 0.750"]),
        ({"labs.attr": None}, {"labs.attr": 0.2}, ["labs.attr: 0.000 < floor 0.200"]),
        ({}, {"published": 0.5}, ["published: 0.000 < floor 0.500"]),
    ],
)
def test_below_floor(measured: dict, floors: dict, expected: list[str]) -> None:
    assert below_floor(measured, floors) == expected


@pytest.mark.parametrize("set_name", list(EVAL_SETS))
def test_quality_holds_its_floors(set_name: str, extracted_set: Callable[[str], Path]) -> None:
    eval_set = EVAL_SETS[set_name]
    out = extracted_set(set_name)
    result = evaluate.evaluate(eval_set.gold, out, eval_set.texts).as_dict()
    failures = below_floor(figures(result), flatten(load_floors()[set_name]))
    table = "\n".join(evaluate.format_report(result))
    assert not failures, f"{set_name} set below its quality floors:\n" + "\n".join(failures) + "\n" + table
    assert result["offsets"]["bad"] == 0, table
    assert not result["missing_records"], result["missing_records"]
