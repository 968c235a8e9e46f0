"""The shape the code keeps: the core knows no chat platform, and each adapter only its own."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent
CHAT_LIBRARIES = ("telegram", "discord", "bots")


def imported(folder: Path) -> dict[str, set[str]]:
    """Every module each file under `folder` imports (at any depth of the file)."""
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def test_the_core_imports_no_chat_library_and_no_adapter() -> None:
    leaks = {
        path: sorted(name for name in names if name.split(".")[0] in CHAT_LIBRARIES)
        for path, names in imported(ROOT / "core").items()
    }
    assert {path: names for path, names in leaks.items() if names} == {}


def test_each_adapter_imports_no_other_adapter() -> None:
    for adapter in ("telegram", "discord", "console"):
        others = {f"bots.{name}" for name in ("telegram", "discord", "console")} - {
            f"bots.{adapter}"
        } | ({"telegram", "discord"} - {adapter})
        crossing = {
            path: sorted(
                n for n in names if n.split(".")[0] in others or n.startswith(tuple(others))
            )
            for path, names in imported(ROOT / "bots" / adapter).items()
        }
        assert {path: names for path, names in crossing.items() if names} == {}
