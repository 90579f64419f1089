"""Hand-back at the end of the contract (七、5): export everything, then destroy the laptop's copy.

"本合同解除或终止时，如甲方要求乙方返还或销毁任何依本合同而提供的保密信息及其复印件，乙方应在
甲方要求的时间内返还或销毁。" The workbench holds the client's information (devices, faults,
logs, photos) in its store, its backups, its attachments and its logs. At the end:

1. :func:`export_pack` writes everything into a folder to hand back: the acceptance pack
   (every signed record as PDF, with its index), the registers and lists as Excel, the
   complete work log, the attachments, a checked backup of the store, and a manifest
   (``manifest.json``: every file's size and SHA-256).
2. :func:`destroy` overwrites every file of the laptop's copy with random bytes, flushes
   it to disk, and deletes it: the store (with its journal files), its backups, its
   attachments, its logs and this laptop's witness of it.
3. :func:`write_record` puts the record of what was handed back and destroyed into the
   pack: ``移交及销毁记录.pdf`` (signature boxes for both sides, with the drawn signatures
   when given) and ``handback-record.json``, signed with the engineer's key; its
   fingerprint is the one on the engineer's registration form, which the client keeps.

Overwriting a file before deleting it defeats recovery on a magnetic disk; on an SSD the
controller may keep old blocks, so the record says so and names full-disk encryption
(BitLocker) as what protects those. The record states it plainly, not as a guarantee.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import config
from workbench.domain import hashing, keys
from workbench.domain.documents import ContractHeader, SignatureDoc
from workbench.domain.handback import (
    HandbackExport,
    HandbackRecord,
    PackFile,
    WipeResult,
    WipeTarget,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, Translate, WorkbenchError
from workbench.domain.messages import identity as _identity

if TYPE_CHECKING:
    from workbench.data.store import Store
    from workbench.services.engineers import SigningKey
    from workbench.services.signing import Signatures

log = logging.getLogger("workbench.handback")

MANIFEST = "manifest.json"
RECORD_PDF = "移交及销毁记录.pdf"
RECORD_JSON = "handback-record.json"
CHUNK = 1 << 20
Progress = Callable[[int, int, str], None]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def check_pack_folder(folder: Path) -> None:
    """The pack goes into an empty folder outside the data folder (which is destroyed)."""
    if _inside(folder, config.data_dir()) or _inside(config.data_dir(), folder):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "The hand-back folder must be outside the data folder {data}, which is "
                "destroyed afterwards.",
            ),
            data=str(config.data_dir()),
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Choose an empty folder for the hand-back: {folder}"),
            folder=str(folder),
        )


def _db_path(store: Store) -> Path:
    if store.path is None:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "This database is on a server ({url}); hand it back and destroy it on the "
                "server, not from the workbench.",
            ),
            url=store.safe_url,
        )
    return store.path


def export_pack(
    store: Store,
    folder: Path,
    translate: Translate = _identity,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> HandbackExport:
    """Write everything to hand back into ``folder`` (empty, outside the data folder)."""
    from workbench.data.backup import file_store_uuid
    from workbench.reports.worklog import worklog_pdf
    from workbench.services import asset_io, backups, exports, registers, reporting, worklog_book
    from workbench.services._common import aware_now

    now = aware_now(now)
    db_path = _db_path(store)
    check_pack_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    steps = 6 + len(registers.EXPORTS)
    done = 0

    def step(name: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps, name)

    # 1. The acceptance pack: every signed record and the index.
    with store.transaction("handback") as session:  # brings the schedule up to date
        index = reporting.acceptance_index(session)
    reporting.write_acceptance_pack(store, index, folder / "验收资料", translate)
    step("验收资料")
    # 2. The lists and registers as Excel.
    lists = folder / "登记簿与清单"
    lists.mkdir()
    with store.read() as session:
        whole = worklog_book.contract_period(session)
        asset_io.export_assets(session, lists / "设备清单.xlsx", None)
        exports.export_work_orders(session, whole.first, whole.last, lists / "工单.xlsx", translate)
        exports.export_inspections(session, whole.first, whole.last, lists / "巡检记录.xlsx")
    step("登记簿与清单")
    for module_name, file_name in registers.EXPORTS:
        module = __import__(module_name, fromlist=["export_xlsx"])
        with store.read() as session:
            module.export_xlsx(session, lists / file_name, translate)
        step(file_name)
    # 3. The complete work log of the contract.
    with store.read() as session:
        doc = worklog_book.work_log_document(session, whole, now)
    (folder / "工作日志.pdf").write_bytes(worklog_pdf(doc, translate))
    step("工作日志")
    # 4. The attachments (photos, delivered reports), as they are stored.
    source = config.data_dir() / "attachments"
    if source.is_dir() and any(source.rglob("*")):
        shutil.copytree(source, folder / "附件")
    step("附件")
    # 5. A checked backup of the store (it carries this laptop's witness of it).
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    backups.backup_now(store, folder / f"数据库备份-{stamp}.sqlite3")
    step("数据库备份")
    # 6. The manifest.
    files = tuple(
        PackFile(p.relative_to(folder).as_posix(), p.stat().st_size, _sha256(p))
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )
    uuid = file_store_uuid(db_path) or ""
    manifest = {
        "store_uuid": uuid,
        "made_at": now.isoformat(),
        "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in files],
    }
    (folder / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    step(MANIFEST)
    return HandbackExport(folder, files, uuid, now)


def check_pack(folder: Path) -> list[str]:
    """Files of the manifest that are missing or changed (empty: the pack is whole)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{MANIFEST}: {exc}"]
    problems = []
    for entry in manifest.get("files", []):
        path = folder / entry["name"]
        if not path.is_file():
            problems.append(f"{entry['name']}: missing")
        elif path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            problems.append(f"{entry['name']}: changed")
    return problems


def contract_of(store: Store) -> ContractHeader:
    """The contract's header for the record, read while the store still exists."""
    from workbench.services._common import require_contract
    from workbench.services.workorders import contract_header

    with store.read() as session:
        return contract_header(require_contract(session))


def check_ready(store: Store, folder: Path) -> HandbackExport:
    """The pack in ``folder`` is whole, of this store, and its backup opens: only then may
    the laptop's copy be destroyed. Refused (with the reason) otherwise."""
    from workbench.data.backup import check_backup_file, file_store_uuid

    db_path = _db_path(store)
    problems = check_pack(folder)
    if problems:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "The hand-back pack in {folder} is not whole ({problems}); nothing was destroyed.",
            ),
            folder=str(folder),
            problems="; ".join(problems[:3]),
        )
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("store_uuid") != (file_store_uuid(db_path) or ""):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "The hand-back pack in {folder} is of another store; nothing was destroyed.",
            ),
            folder=str(folder),
        )
    files = tuple(PackFile(f["name"], f["size"], f["sha256"]) for f in manifest["files"])
    copies = [folder / f.name for f in files if f.name.endswith(".sqlite3")]
    for path in copies:
        check_backup_file(path)  # raises (a StoreError the user reads) when it does not open
    if not copies or any(file_store_uuid(path) != manifest["store_uuid"] for path in copies):
        raise WorkbenchError(
            QT_TRANSLATE_NOOP(
                "messages",
                "The database backup in the hand-back pack does not open; nothing was destroyed.",
            )
        )
    made_at = dt.datetime.fromisoformat(manifest["made_at"])
    return HandbackExport(folder, files, manifest["store_uuid"], made_at)


def _files(folder: Path, kind: str) -> list[WipeTarget]:
    if not folder.is_dir():
        return []
    return [WipeTarget(p, kind, p.stat().st_size) for p in sorted(folder.rglob("*")) if p.is_file()]


def wipe_targets(store: Store) -> list[WipeTarget]:
    """Everything of this store on the laptop that :func:`destroy` destroys: the store and
    its journal files, its backups, the attachments, the logs, the witness file."""
    from workbench.data import backup

    db_path = _db_path(store)
    targets = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = db_path.with_name(db_path.name + suffix)
        if path.is_file():
            targets.append(WipeTarget(path, "store", path.stat().st_size))
    data = config.data_dir()
    for b in backup.list_backups(db_path):  # this store's backups (named after it)
        targets.append(WipeTarget(b.path, "backup", b.path.stat().st_size))
    targets += _files(data / "attachments", "attachment")
    targets += _files(config.log_dir(), "log")
    witness = config.config_dir() / "witness.json"
    if witness.is_file():
        targets.append(WipeTarget(witness, "witness", witness.stat().st_size))
    return targets


def _overwrite_and_delete(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as fh:
        left = size
        while left > 0:
            n = min(CHUNK, left)
            fh.write(os.urandom(n))
            left -= n
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def _close_log_files() -> None:
    """The workbench's own log files are closed first (Windows deletes no open file)."""
    folder = config.log_dir().resolve()
    for logger in (logging.getLogger(), logging.getLogger("workbench")):
        for handler in list(logger.handlers):
            name = getattr(handler, "baseFilename", "")
            if name and _inside(Path(name), folder):
                logger.removeHandler(handler)
                handler.close()


def destroy(store: Store, targets: Iterable[WipeTarget]) -> list[WipeResult]:
    """Overwrite with random bytes, flush and delete each target; the store is closed
    first and cannot be used afterwards. A file that cannot be destroyed is reported,
    not skipped silently."""
    store.dispose()
    _close_log_files()
    results = []
    for target in targets:
        try:
            _overwrite_and_delete(target.path)
        except FileNotFoundError:
            results.append(WipeResult(str(target.path), target.kind, target.size, True))
        except OSError as exc:
            results.append(
                WipeResult(
                    str(target.path), target.kind, target.size, False, exc.strerror or str(exc)
                )
            )
        else:
            results.append(WipeResult(str(target.path), target.kind, target.size, True))
    data = config.data_dir()
    for folder in (data / "backups", data / "attachments"):
        for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
            _remove_empty(sub)
        _remove_empty(folder)
    return results


def _remove_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not empty or gone: left as it is
        folder.rmdir()


def record_content(
    export: HandbackExport,
    results: list[WipeResult],
    *,
    engineer_name: str,
    fingerprint: str,
    client_name: str,
    at: dt.datetime,
) -> dict[str, Any]:
    """What the record states and the engineer's key signs."""
    manifest_sha = _sha256(export.folder / MANIFEST)
    return {
        "kind": "handback",
        "clause": "七、5",
        "store_uuid": export.store_uuid,
        "exported_at": export.made_at.isoformat(),
        "manifest_sha256": manifest_sha,
        "files": len(export.files),
        "bytes": export.total_bytes,
        "destroyed": [
            {"path": r.path, "kind": r.kind, "size": r.size, "ok": r.destroyed, "error": r.error}
            for r in results
        ],
        "engineer": engineer_name,
        "fingerprint": fingerprint,
        "client": client_name,
        "at": at.isoformat(),
    }


def write_record(
    export: HandbackExport,
    results: list[WipeResult],
    *,
    contract: ContractHeader,
    key: SigningKey,
    client_name: str,
    signatures: Signatures | None = None,
    translate: Translate = _identity,
    now: dt.datetime | None = None,
) -> Path:
    """The record of hand-back and destruction, signed by ``key``, into the pack.
    ``contract``: read before the store was destroyed (:func:`contract_of`)."""
    from workbench.reports.handback import handback_pdf
    from workbench.services._common import aware_now

    now = aware_now(now)
    content = record_content(
        export,
        results,
        engineer_name=key.engineer_name,
        fingerprint=key.fingerprint,
        client_name=client_name,
        at=now,
    )
    message = hashing.canonical_json(content)
    signature = key.sign(message)
    public_hex = keys.public_bytes(key.private).hex()
    (export.folder / RECORD_JSON).write_text(
        json.dumps(
            {"content": content, "public_key": public_hex, "signature": signature},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    record = HandbackRecord(
        contract=contract,
        export=export,
        manifest_sha256=content["manifest_sha256"],
        results=tuple(results),
        engineer_name=key.engineer_name,
        fingerprint=key.fingerprint,
        client_name=client_name,
        signature=signature,
        signed_at=now,
        signatures=_drawn(signatures, key, now) if signatures is not None else (),
    )
    path = export.folder / RECORD_PDF
    path.write_bytes(handback_pdf(record, translate))
    return path


def _drawn(signatures: Signatures, key: SigningKey, at: dt.datetime) -> tuple[SignatureDoc, ...]:
    def strokes(raw: Any) -> tuple[tuple[tuple[float, float], ...], ...]:
        return tuple(tuple((float(x), float(y)) for x, y, *_rest in stroke) for stroke in raw)

    return (
        SignatureDoc(
            "engineer",
            key.engineer_name,
            at,
            strokes(signatures.engineer_strokes),
            signatures.engineer_aspect,
            key.fingerprint,
        ),
        SignatureDoc(
            "client",
            signatures.client_name,
            at,
            strokes(signatures.client_strokes),
            signatures.client_aspect,
        ),
    )


def check_record(folder: Path) -> bool:
    """The record's signature holds for its content and the manifest is the one it names."""
    try:
        data = json.loads((folder / RECORD_JSON).read_text(encoding="utf-8"))
        content, public_hex, signature = data["content"], data["public_key"], data["signature"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if keys.fingerprint(public_hex) != content.get("fingerprint"):
        return False
    if not keys.verify(public_hex, hashing.canonical_json(content), signature):
        return False
    try:
        return bool(_sha256(folder / MANIFEST) == content.get("manifest_sha256"))
    except OSError:
        return False
