"""The locks of the frozen builds (locks/): complete, hashed, in step with pyproject, used.

The frozen builds install from ``locks/frozen-*.txt`` with ``pip --require-hashes``, and
``locks/check.py`` then fails the build if anything in the build environment is not in
the lock with a hash (a later, unhashed install would slip past pip's own check).
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from locks import check

ROOT = Path(__file__).resolve().parents[2]
LOCKS = {name: ROOT / "locks" / f"frozen-{name}.txt" for name in ("linux", "windows")}
# The extras the locks are compiled with (locks/compile.sh); "test" is checked for
# presence only, so that a new test tool does not need a relock before it is used.
LOCKED_EXTRAS = ("postgres", "freeze")


def pins(name: str) -> dict[str, tuple[str, int]]:
    return check.parse_lock(LOCKS[name].read_text(encoding="utf-8"))


def pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_every_locked_package_has_a_version_and_a_hash(name: str) -> None:
    locked = pins(name)
    assert len(locked) > 30
    unhashed = sorted(pkg for pkg, (_version, hashes) in locked.items() if hashes == 0)
    assert unhashed == []
    # PyInstaller is part of the build: its version is locked like any other
    assert "pyinstaller" in locked
    assert "pyinstaller-hooks-contrib" in locked


def test_the_windows_lock_is_for_windows() -> None:
    windows, linux = pins("windows"), pins("linux")
    # PyInstaller's Windows-only dependencies
    assert {"pefile", "pywin32-ctypes"} <= set(windows)
    assert not {"pefile", "pywin32-ctypes"} & set(linux)


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_the_lock_satisfies_pyproject(name: str) -> None:
    project = pyproject()
    extras = project["optional-dependencies"]
    assert isinstance(extras, dict)
    wanted = [*project["dependencies"], *(r for e in LOCKED_EXTRAS for r in extras[e])]  # type: ignore[misc]
    locked = pins(name)
    wrong = []
    for line in wanted:
        req = Requirement(line)
        key = check.canonical(req.name)
        if key not in locked:
            wrong.append(f"{req.name} is not in the lock")
        elif not req.specifier.contains(locked[key][0], prereleases=True):
            wrong.append(f"{req.name} {locked[key][0]} is outside {req.specifier}")
    assert wrong == [], "relock: bash locks/compile.sh"
    tests = {check.canonical(Requirement(r).name) for r in extras["test"]}
    assert {"pytest", "pytest-qt"} <= tests & set(locked)


def test_check_names_what_is_unhashed_unpinned_or_at_another_version() -> None:
    lock = """\
alembic==1.20.1 \\
    --hash=sha256:{h} \\
    --hash=sha256:{h}
    # via workbench
Mako==1.4.3
sqlalchemy==2.1.9 \\
    --hash=sha256:{h}
""".format(h="0" * 64)
    locked = check.parse_lock(lock)
    assert locked == {"alembic": ("1.20.1", 2), "mako": ("1.4.3", 0), "sqlalchemy": ("2.1.9", 1)}
    installed = [
        ("alembic", "1.20.1"),
        ("Mako", "1.4.3"),
        ("SQLAlchemy", "2.1.8"),
        ("six", "1.17.0"),
        ("pip", "25.3"),
    ]
    assert check.problems(locked, installed) == [
        "Mako 1.4.3 has no hash in the lock",
        "SQLAlchemy 2.1.8 is installed, the lock pins 2.1.9",
        "six 1.17.0 is installed but not in the lock",
    ]
    assert check.problems(locked, installed[:1]) == []


def test_check_fails_this_environment_against_a_lock_missing_one_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = sorted(
        {(check.canonical(d.metadata["Name"]), d.version) for d in metadata.distributions()}
    )
    assert ("pytest", metadata.version("pytest")) in here
    hashed = "".join(f"{n}=={v} \\\n    --hash=sha256:{'a' * 64}\n" for n, v in here)
    lock = tmp_path / "lock.txt"
    lock.write_text(hashed, encoding="utf-8")
    assert check.main([str(lock)]) == 0
    lock.write_text(
        hashed.replace(
            f"pytest=={metadata.version('pytest')} \\\n    --hash=sha256:{'a' * 64}\n",
            f"pytest=={metadata.version('pytest')}\n",
        ),
        encoding="utf-8",
    )
    assert check.main([str(lock)]) == 1
    assert f"pytest {metadata.version('pytest')} has no hash" in capsys.readouterr().err


def test_the_frozen_builds_install_from_the_locks_with_hashes() -> None:
    frozen = (ROOT / ".ci" / "frozen.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in frozen
    assert "locks/frozen-linux.txt" in frozen
    assert "locks/check.py" in frozen
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "--require-hashes -r locks/frozen-windows.txt" in workflow
    assert "locks/check.py locks/frozen-windows.txt" in workflow
    # nothing else is pip-installed into the build environment, unhashed
    installs = [line for line in workflow.splitlines() if "pip install" in line]
    assert all("--require-hashes" in line for line in installs), installs


def test_the_windows_build_signs_when_a_certificate_is_there_and_says_so_when_not() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "secrets.WINDOWS_CERT_PFX_BASE64" in workflow
    assert "are NOT signed" in workflow  # the plain log line without a certificate
    assert "signtool" in workflow and "verify /pa" in workflow
    assert "/DSignToolName=signtool" in workflow
    iss = (ROOT / "installer" / "workbench.iss").read_text(encoding="utf-8-sig")
    assert "SignTool={#SignToolName}" in iss
    assert "SignedUninstaller=yes" in iss
