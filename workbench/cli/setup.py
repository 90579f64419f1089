"""``workbench init``: create or upgrade the store and load the contract."""

from __future__ import annotations

import argparse
from typing import Any

from workbench import i18n
from workbench.cli.common import store_from
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message
from workbench.services.setup import load_default_contract


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "init", parents=[common], help="create or upgrade the store and load the contract"
    )
    parser.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    store = store_from(args)
    try:
        with store.transaction("init") as session:
            result = load_default_contract(session)
        created = result.created
        print(
            i18n.render(
                Message(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Store ready: {url}\nContract {contract}: added {assets} assets, "
                        "{categories} categories, {locations} locations.",
                    ),
                    {
                        "url": store.safe_url,
                        "contract": result.contract,
                        "assets": created["assets"],
                        "categories": created["categories"],
                        "locations": created["locations"],
                    },
                )
            )
        )
    finally:
        store.dispose()
    return 0
