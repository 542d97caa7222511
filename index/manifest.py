"""How an index was built, so that a changed model, segmenter or corpus is noticed instead of served stale."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST_FILE = "manifest.json"


class ManifestError(RuntimeError):
    """The manifest on disk is unreadable or malformed; the message names the file and the problem."""


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


def read_manifest(folder: Path) -> Manifest | None:
    path = folder / MANIFEST_FILE
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(**data)
    except (json.JSONDecodeError, TypeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"index manifest {path} is corrupt ({exc}); delete {folder} to rebuild") from None


def write_manifest(folder: Path, manifest: Manifest) -> None:
    # Written last, atomically: a build killed half-way leaves no manifest claiming it finished.
    folder.mkdir(parents=True, exist_ok=True)  # in server mode nothing else creates the data folder
    path = folder / MANIFEST_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)
