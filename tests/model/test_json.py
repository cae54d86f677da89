"""`Analysis.to_json()`: the orjson encoding is byte for byte the reference `json.dumps` form."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

import pytest

from jalin import model
from jalin.model import Actor, Analysis, DocumentInfo, Quantity, Record, Role, Span, TextSpan
from jalin.pipeline import analyze


def reference(analysis: Analysis) -> str:
    return json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":"))


def small(text: str = "Menteri itu berkata, “Kita setuju.”", **changes: object) -> Analysis:
    base = Analysis(
        schema=model.SCHEMA_ID, document=DocumentInfo(id="d1", language="ms"), text=text,
        sentences=[Span(0, len(text))],
        actors=[Actor(id="a1", type="PERSON", name="Menteri", roles=[Role("Menteri", "Minister")],
                      mentions=[TextSpan(0, 7, "Menteri")])],
    )
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def test_compact_form_is_the_reference_bytes() -> None:
    analysis = small()
    assert analysis.to_json() == reference(analysis)
    assert analysis.to_json().startswith('{"schema":"jalin.analysis/1","document":{"id":"d1",')
    assert "“Kita setuju.”" in analysis.to_json()


@pytest.mark.parametrize("value", [0, 1400000000.0, 2.5, 0.0001, -0.0, 1e-05, 1e16, 1.5e22,
                                   float("nan"), float("inf"), 2**70])
def test_quantity_values_written_as_python_writes_them(value: float) -> None:
    quantity = Quantity(id="q1", value=value, qualifier="exact", unit=None, text="x", start=0, end=1)
    analysis = small(quantities=[quantity])
    assert analysis.to_json() == reference(analysis)


@pytest.mark.parametrize("text", ["", "kawalan\x00\x1f\u2028 “petik” \\ \"", "\ud800 lone surrogate"])
def test_awkward_text_is_the_reference_bytes(text: str) -> None:
    analysis = small(text=text)
    assert analysis.to_json() == reference(analysis)


def test_a_record_with_its_own_to_dict_is_honoured() -> None:
    @dataclass(slots=True)
    class Terse(Record):
        start: int
        end: int

        def to_dict(self) -> dict[str, int]:
            return {"at": self.start}

    analysis = small(sentences=[Terse(0, 5)])  # type: ignore[list-item]
    assert analysis.to_json() == reference(analysis)
    assert '"sentences":[{"at":0}]' in analysis.to_json()


def test_quantity_value_is_the_only_float_field() -> None:
    """`_plain_floats` checks quantities only: a new float field must be checked there too."""
    floats = {(cls.__name__, f.name) for cls in Record.__subclasses__()
              for f in fields(cls) if "float" in str(f.type)}
    assert floats == {("Quantity", "value")}


@pytest.mark.parametrize("text", [
    "KUALA LUMPUR, 3 Mac (Bernama) -- Malaysia dan Jepun menandatangani memorandum persefahaman "
    "pertahanan bernilai RM1.2 bilion semalam, kata Menteri Pertahanan.",
    "JAKARTA, March 3 (Reuters) - Indonesia will buy 12 more Rafale jets for about $800 million, "
    "the defence ministry said on Tuesday.",
])
def test_pipeline_output_is_the_reference_bytes(text: str) -> None:
    analysis = analyze(text, published="2026-03-04")
    assert analysis.to_json() == reference(analysis)
    assert json.loads(analysis.to_json()) == analysis.to_dict()
