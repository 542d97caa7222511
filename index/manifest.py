"""How an index was built, so that a changed model, segmenter or corpus is noticed instead of served stale."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

MANIFEST_FILE = "manifest.json"


class ManifestError(RuntimeError):
    """A manifest is unreadable or malformed, or a new build failed its check; the message names the file."""


@dataclass(frozen=True)
class Manifest:
    model: str
    dimensions: int
    segmenter_version: str
    corpus_hash: str
    sections: int
    sentences: int

    def differences(self, other: "Manifest") -> list[str]:
        """'field: on disk → wanted' for every field that differs."""
        mine, theirs = asdict(self), asdict(other)
        return [f"{k}: {mine[k]!r} → {theirs[k]!r}" for k in mine if mine[k] != theirs[k]]

    def same_vectors(self, other: "Manifest") -> bool:
        """Stored vectors stay valid (only the corpus may differ): same model, dimensions and segmenter."""
        return (self.model, self.dimensions, self.segmenter_version) == (
            other.model, other.dimensions, other.segmenter_version)


def parse_manifest(data: object, path: Path) -> Manifest:
    """JSON data → Manifest; wrong or missing fields raise ManifestError naming the file and the field."""
    if not isinstance(data, dict):
        raise ManifestError(f"index manifest {path} is corrupt (a JSON object was expected, got {type(data).__name__})")
    names = [f.name for f in fields(Manifest)]
    if sorted(data) != sorted(names):
        raise ManifestError(f"index manifest {path} is corrupt (fields {sorted(data)}, expected {names})")
    for f in fields(Manifest):
        kind = int if f.type == "int" else str
        if type(data[f.name]) is not kind:  # `type is`, since bool passes isinstance(…, int)
            raise ManifestError(f"index manifest {path} is corrupt ({f.name} must be {kind.__name__}, "
                                f"got {data[f.name]!r})")
    return Manifest(**data)


def read_manifest(folder: Path) -> Manifest | None:
    path = folder / MANIFEST_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"index manifest {path} is corrupt ({exc})") from None
    return parse_manifest(data, path)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    # Written last, atomically and synced: a build killed half-way leaves no manifest claiming it finished.
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MANIFEST_FILE
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(json.dumps(asdict(manifest), ensure_ascii=False, indent=2))
        out.flush()
        os.fsync(out.fileno())
    tmp.replace(path)
