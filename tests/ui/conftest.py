"""UI fixtures: a main window over a real store, messages collected instead of dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.leaks import check_leaks
from workbench import i18n


@pytest.fixture(autouse=True)
def _no_leaks() -> Iterator[None]:
    """Each UI test ends with no thread, busy task runner or window of its own left."""
    with check_leaks():
        yield


@pytest.fixture(autouse=True)
def _no_desktop_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock warning in a test stays in the tray object: no notify-send is started."""
    from workbench.ui.tray import ClockTray

    monkeypatch.setattr(ClockTray, "desktop_command", None)


@pytest.fixture
def messages() -> list[tuple[str, str, str]]:
    return []


@pytest.fixture
def zh() -> Iterator[None]:
    i18n.load("zh_CN")
    yield
    i18n.load("en")


@pytest.fixture
def window(qtbot: Any, store: Any, messages: list[tuple[str, str, str]]) -> Iterator[Any]:
    from workbench.app import create_main_window
    from workbench.config import Settings

    win = create_main_window(store, Settings(), start_scanner=False)
    win.ctx.messages.sink = lambda level, title, text: messages.append((level, title, text))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.ctx.tasks.wait()
    win.close()


def wait_loaded(qtbot: Any, view: Any) -> None:
    """Wait for the next answer of the view's background query."""
    with qtbot.waitSignal(view.loaded, timeout=5000):
        pass
