"""``workbench init``: create or upgrade the store and load the contract."""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli.common import say, store_from
from workbench.domain.messages import QT_TRANSLATE_NOOP
from workbench.services.setup import prepare


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "init",
        parents=[common],
        help=QT_TRANSLATE_NOOP("cli_help", "create or upgrade the store and load the contract"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "also fill the store with a demo history of the contract so far (marked as demo)",
        ),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help=QT_TRANSLATE_NOOP("cli_help", "seed of the demo history (default fixed)"),
    )
    parser.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    store = store_from(args, create=True)
    try:
        with store.transaction("init") as session:
            result = prepare(session)
        assert result is not None
        created = result.created
        say(
            QT_TRANSLATE_NOOP(
                "messages",
                "Store ready: {url}\nContract {contract}: added {assets} assets, "
                "{categories} categories, {locations} locations.",
            ),
            url=store.safe_url,
            contract=result.contract,
            assets=created["assets"],
            categories=created["categories"],
            locations=created["locations"],
        )
        if getattr(args, "demo", False):
            _fill_demo(store, args.seed)
    finally:
        store.dispose()
    return 0


def _fill_demo(store: Any, seed: int | None) -> None:
    from workbench import demo

    with store.transaction("demo") as session:
        result = demo.fill_demo(session, seed=demo.DEFAULT_SEED if seed is None else seed)
    say(
        demo.DEMO_NOTICE,
        orders=result.work_orders,
        signed=result.signed,
        breached=result.breached,
        log=result.log_entries,
        amendments=result.amendments,
        engineers=", ".join(f"{name} {pin}" for name, pin in result.engineers),
    )
