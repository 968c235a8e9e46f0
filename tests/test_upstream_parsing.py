"""Reading 302.AI's answers whatever their shape (the contract leaves it open)."""

from __future__ import annotations

from typing import Any

import pytest

from core.upstream.higgs import TaskStatus, parse_status

URL = "https://file.302.ai/out/abc.wav"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"state": "PENDING"}, TaskStatus("pending")),
        ({"status": "running"}, TaskStatus("pending")),
        ({"status": "RUNNING", "url": "https://api.302.ai/task/1"}, TaskStatus("pending")),
        ({"state": "SUCCESS", "audio_url": URL}, TaskStatus("done", audio_url=URL)),
        ({"status": "completed", "output": URL}, TaskStatus("done", audio_url=URL)),
        (
            {"code": 200, "data": {"status": "succeed", "result": {"url": URL}}},
            TaskStatus("done", audio_url=URL),
        ),
        (
            {"data": {"task_status": "Finished", "output": [URL]}},
            TaskStatus("done", audio_url=URL),
        ),
        ({"state": "SOMETHING_NEW", "audio_url": URL}, TaskStatus("done", audio_url=URL)),
        ({"audio_url": URL}, TaskStatus("done", audio_url=URL)),
        (
            {"status": "FAILURE", "message": "out of memory"},
            TaskStatus("failed", message="out of memory"),
        ),
        (
            {"data": {"state": "cancelled", "error": "user cancelled"}},
            TaskStatus("failed", message="user cancelled"),
        ),
        ({}, TaskStatus("pending")),
        ("not even an object", TaskStatus("pending")),
    ],
)
def test_task_states_in_any_shape(payload: Any, expected: TaskStatus) -> None:
    assert parse_status(payload) == expected
