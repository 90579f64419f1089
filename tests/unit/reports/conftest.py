"""Fixtures of the report tests: documents in Simplified Chinese, as the app prints them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workbench import i18n
from workbench.reports.pdfkit import Translate


@pytest.fixture
def zh() -> Iterator[Translate]:
    i18n.load("zh_CN")
    yield i18n.translate
    i18n.load("en")
