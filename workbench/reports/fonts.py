"""The bundled CJK font, registered once with reportlab (and matplotlib on demand)."""

from __future__ import annotations

import functools
from pathlib import Path

from workbench.config import resource_path

FONT_FILE = "wqy-microhei.ttc"
FONT_NAME = "WQYMicroHei"  # reportlab's name for the embedded subset
FAMILY_NAME = "WenQuanYi Micro Hei"  # the family name inside the file


def font_path() -> Path:
    return resource_path("fonts", FONT_FILE)


@functools.cache
def register_reportlab_font() -> str:
    """Register the font with reportlab (once per process) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    return FONT_NAME


@functools.cache
def register_matplotlib_font() -> str:
    """Make matplotlib draw Chinese with the bundled font; returns the family name."""
    from matplotlib import font_manager, rcParams

    font_manager.fontManager.addfont(str(font_path()))
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [FAMILY_NAME, *rcParams["font.sans-serif"]]
    rcParams["axes.unicode_minus"] = False
    return FAMILY_NAME
