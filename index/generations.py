"""Index generations: every complete build in a folder of its own, and a pointer naming the one served.

    data_dir/CURRENT                  the served generation's name; replaced atomically, after its build checked out
    data_dir/gen-…/manifest.json      how that generation was built
    data_dir/gen-…/chroma/            its vectors (server mode: a database of the same name on the Chroma server)
    data_dir/gen-….building/          a build in progress, or one killed half-way
    data_dir/build.lock               flock'ed by whoever builds, so two builders never race

A build copies the served generation's vectors aside, syncs the copy with the corpus (embedding only what
changed), checks it against the manifest it is about to write, and only then moves CURRENT. So a reader, in
this process or another, always opens a complete index; a build killed half-way leaves the old one serving
and a `.building` folder that the next start removes; an index that does not match its manifest is named
and built again aside. Opening an up-to-date index takes no lock and writes none of these files.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence

from corpus.records import Policy
from index.embedder import Embedder
from index.manifest import MANIFEST_FILE, Manifest, ManifestError, read_manifest, write_manifest
from index.store import (BuildReport, Progress, StoredVectors, chroma_admin, chroma_client, close_client,
                         copy_collections, section_key, stored_vectors, sync_store, wanted_manifest)

CURRENT = "CURRENT"
LOCK_FILE = "build.lock"
BUILDING = ".building"
LEGACY_CHROMA = "chroma"  # before generations, the one index lived in data_dir/chroma + data_dir/manifest.json
NAME = re.compile(r"gen-\d{8}-\d{6}-[0-9a-f]{6}")  # only such folders are ever deleted (not onnx/, multi/, …)


def new_name() -> str:
    """When it was built, plus a random part: unique, so a name never refers to two different builds (the
    server's databases, and Chroma's per-path client cache, are keyed by it)."""
    return f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"


@dataclass(frozen=True)
class Served:
    """What CURRENT names: nothing yet (all None), a generation and its manifest, or why neither can be read."""
    name: str | None = None
    manifest: Manifest | None = None
    problem: str | None = None


@dataclass(frozen=True)
class Opened:
    client: object
    vectors: StoredVectors
    report: BuildReport


@dataclass(frozen=True)
class Home:
    """Where one index's generations live: folders under `data_dir`, the vectors in them or on a Chroma server."""
    data_dir: Path
    host: str | None = None
    port: int | None = None

    def where(self, name: str) -> str:
        if not self.host:
            return f"index {self.data_dir / name}"
        server = f"{self.host}:{self.port or 8000}"
        return f"index {self.data_dir / name} (vectors in database {name} on the Chroma server {server})"

    def client(self, name: str, folder: Path | None = None):
        """Generation `name`'s client; its files are in `folder` while it is being built."""
        if self.host:
            return chroma_client(host=self.host, port=self.port, database=name)
        return chroma_client((folder or self.data_dir / name) / LEGACY_CHROMA)

    def create(self, name: str, folder: Path, seed: str | None) -> None:
        """Make the store of a new generation, holding `seed`'s vectors when given (copied, not re-embedded).

        Copied through Chroma rather than as files: Chroma rewrites its HNSW files whenever a process reads
        a collection, so a file copy could catch a serving process's rewrite half-done."""
        folder.mkdir()
        if self.host:
            chroma_admin(self.host, self.port).create_database(name)
        if seed:
            copy_between(self.client(seed), self.client(name, folder))

    def drop(self, folder: Path) -> None:
        if self.host:
            from chromadb.errors import NotFoundError

            try:
                chroma_admin(self.host, self.port).delete_database(folder.name.removesuffix(BUILDING))
            except NotFoundError:
                pass  # killed before its database was made
        shutil.rmtree(folder, ignore_errors=True)

    def leftovers(self) -> list[Path]:
        found = self.data_dir.glob(f"gen-*{BUILDING}")
        return sorted(p for p in found if NAME.fullmatch(p.name.removesuffix(BUILDING)))


def copy_between(source, target) -> None:
    try:
        copy_collections(source, target)
    finally:
        close_client(source)
        close_client(target)


def read_current(data_dir: Path) -> Served:
    """What CURRENT names, with the generation's manifest, or the problem (never raises)."""
    pointer = data_dir / CURRENT
    if not pointer.exists():
        return Served()
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        return Served(problem=f"{pointer} cannot be read ({exc})")
    if not NAME.fullmatch(name):
        return Served(problem=f"{pointer} should name a generation folder like {new_name()}, but holds {name[:80]!r}")
    folder = data_dir / name
    if not folder.is_dir():
        return Served(name, problem=f"{pointer} names {folder}, which does not exist")
    try:
        manifest = read_manifest(folder)
    except ManifestError as exc:
        return Served(name, problem=str(exc))
    if manifest is None:
        return Served(name, problem=f"index manifest {folder / MANIFEST_FILE} is missing")
    return Served(name, manifest)


def point_current(data_dir: Path, name: str) -> None:
    """Swap CURRENT to `name` atomically and durably: readers see the old name or the new, never half a file."""
    tmp = data_dir / f"{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(name + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, data_dir / CURRENT)
    fsync_dir(data_dir)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    """Flush a finished build to disk before CURRENT names it, so a power cut cannot leave it pointing at holes."""
    for root, _, files in os.walk(folder):
        for file in files:
            fd = os.open(os.path.join(root, file), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(root))


@contextmanager
def build_lock(data_dir: Path, wait: bool = True) -> Iterator[bool]:
    """Hold data_dir/build.lock (released by the kernel if the holder dies); yields False if busy and not `wait`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_generation(home: Home, served: Served,
                    section_keys: Sequence[str] = ()) -> tuple[object, StoredVectors, str | None]:
    """Load a generation's vectors and check them against its manifest: (client, vectors, problem or None)."""
    try:
        client = home.client(served.name)
        vectors = stored_vectors(client)
    except Exception as exc:  # a damaged database file, a database the server lost: Chroma's errors vary
        return None, StoredVectors({}, {}), f"{home.where(served.name)} cannot be opened ({type(exc).__name__}: {exc})"
    problem = vectors.problem(served.manifest, section_keys)
    if problem:
        close_client(client)
        return None, vectors, f"{home.where(served.name)} does not match its manifest: {problem}"
    return client, vectors, None


def open_current(home: Home, policies: Sequence[Policy], embedder: Embedder,
                 progress: Progress | None = None) -> Opened:
    """The generation CURRENT names, loaded and checked; built aside first when it is out of date or broken."""
    say = progress or (lambda msg: None)
    wanted = wanted_manifest(policies, embedder)
    keys = [section_key(s) for p in policies for s in p.sections]
    served = read_current(home.data_dir)
    if served.manifest == wanted:
        client, vectors, problem = open_generation(home, served, keys)
        if problem is None and not home.leftovers():  # the common start: no lock, nothing written
            return Opened(client, vectors, BuildReport(False, 0, 0, (), served.name))
        if problem is None:
            with build_lock(home.data_dir, wait=False) as free:
                if not free:  # a build is running elsewhere: serve what is complete meanwhile
                    return Opened(client, vectors, BuildReport(False, 0, 0, (), served.name))
            close_client(client)
    with build_lock(home.data_dir):
        # Re-read everything under the lock: another builder may have finished meanwhile.
        interrupted = tuple(remove_leftovers(home, say))
        migrate_legacy(home, say)
        served = read_current(home.data_dir)
        if served.manifest == wanted:
            client, vectors, problem = open_generation(home, served, keys)
            if problem is None:
                return Opened(client, vectors, BuildReport(False, 0, 0, (), served.name, interrupted))
            served = replace(served, manifest=None, problem=problem)
        built = build_aside(home, served, policies, embedder, wanted, say)
    return replace(built, report=replace(built.report, interrupted=interrupted))


def build_aside(home: Home, served: Served, policies: Sequence[Policy], embedder: Embedder, wanted: Manifest,
                say: Progress) -> Opened:
    """Build generation `wanted` next to `served`, check it, and only then swap CURRENT to it; the vectors
    checked are the ones served. Call under the lock."""
    reasons: tuple[str, ...] = ()
    seed = None
    if served.manifest is not None:  # out of date: reuse its vectors if they come from the same model
        reasons = tuple(served.manifest.differences(wanted))
        say(f"{home.where(served.name)} is out of date (" + "; ".join(reasons) + ")")
        if served.manifest.same_vectors(wanted):
            client, _, problem = open_generation(home, served)
            if client is not None:
                close_client(client)
            if problem:
                reasons += (problem,)
                say(f"{problem}; building the index again from scratch")
            else:
                seed = served.name
    elif served.problem:
        reasons = (served.problem,)
        say(f"{served.problem}; building the index again aside")
    name = new_name()
    folder = home.data_dir / f"{name}{BUILDING}"
    say(f"building index generation {name}" + (f" from {seed}" if seed else ""))
    try:
        home.create(name, folder, seed)
        client = home.client(name, folder)
        try:
            added, removed = sync_store(client, policies, embedder, say)
            vectors = stored_vectors(client)
            problem = vectors.problem(wanted, [section_key(s) for p in policies for s in p.sections])
        finally:
            close_client(client)  # every byte on disk before the folder is renamed
        if problem:
            raise ManifestError(f"the index built in {folder} fails its check ({problem}); the old one keeps serving")
        write_manifest(folder, wanted)
        fsync_tree(folder)
    except BaseException:
        home.drop(folder)  # a failed build leaves nothing behind; a killed one leaves the folder for the next start
        raise
    folder.rename(home.data_dir / name)
    point_current(home.data_dir, name)
    prune(home, keep={name, served.name})
    report = BuildReport(seed is None, added, removed, reasons or ("no index yet",), name)
    return Opened(home.client(name), vectors, report)


def remove_leftovers(home: Home, say: Progress) -> list[str]:
    """Remove unfinished builds (under the lock, so nobody is writing them); their names."""
    names = []
    for folder in home.leftovers():
        say(f"an unfinished build was found in {folder} (interrupted?); removing it")
        home.drop(folder)
        names.append(folder.name)
    return names


def prune(home: Home, keep: set[str | None]) -> None:
    """Delete every generation but `keep` (the new one, and the previous one a running server may still read)."""
    for folder in home.data_dir.iterdir():
        name = folder.name.removesuffix(BUILDING)
        if NAME.fullmatch(name) and name not in keep:
            home.drop(folder)


def migrate_legacy(home: Home, say: Progress) -> None:
    """An index from before generations (data_dir/manifest.json, data_dir/chroma) becomes the first generation:
    moved (embedded) or copied on the server, never re-embedded. Its manifest is checked like any other."""
    data_dir = home.data_dir
    manifest, chroma = data_dir / MANIFEST_FILE, data_dir / LEGACY_CHROMA
    if (data_dir / CURRENT).exists() or not (manifest.exists() or chroma.exists()):
        return
    name = new_name()
    folder = data_dir / f"{name}{BUILDING}"
    say(f"moving the index in {data_dir} into generation {name}")
    folder.mkdir()
    if home.host:
        chroma_admin(home.host, home.port).create_database(name)
        copy_between(chroma_client(host=home.host, port=home.port), home.client(name))
    elif chroma.exists():
        chroma.rename(folder / LEGACY_CHROMA)
    if manifest.exists():
        manifest.rename(folder / MANIFEST_FILE)
    folder.rename(data_dir / name)
    point_current(data_dir, name)
