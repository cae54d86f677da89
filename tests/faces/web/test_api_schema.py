"""Schemathesis: generated requests for every operation of the OpenAPI spec, against a live server."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the dev extra")
from hypothesis import HealthCheck, given, settings  # noqa: E402

from web_server import TOKEN, Running, build_store, hand_made, serve  # noqa: E402

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def server(module_db: Callable[..., str]) -> Iterator[Running]:
    db = build_store(module_db("schema"), hand_made())
    with serve(db, token=TOKEN) as running:
        yield running


def stored(server: Running) -> int:
    with httpx.Client(base_url=server.url, trust_env=False) as client:
        return client.get("/api/health").json()["counts"]["documents"]


def test_no_operation_answers_with_a_server_error(server: Running) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    failures: list[str] = []
    for operation in operations:
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            response = case.call(base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"})
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}")

        check()
    assert failures == []
    assert stored(server) > 1  # the writes went through with the token
