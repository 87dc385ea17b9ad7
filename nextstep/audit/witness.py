"""An offline witness: a second device that countersigns checkpoints it has checked.

Why: a kiosk that holds its own signing key could, if stolen or misused, rewrite its whole log
and re-sign it. A witness that remembers the last checkpoint it saw and only cosigns a new one
that is provably an extension of it (RFC 9162 consistency proof) makes such a rewrite visible:
the forged history will not be consistent with what the witness (and the paper register) hold.
The witness speaks C2SP tlog-cosignature/v1, so standard tools can check its cosignatures.
"""

from __future__ import annotations

import base64
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from crypto import merkle, note
from nextstep.errors import NextStepError


class WitnessError(NextStepError):
    """The witness refuses a checkpoint (bad signature, rollback, inconsistent history)."""


@dataclass(frozen=True)
class Witness:
    state: Path
    signer: note.Signer

    @classmethod
    def open(cls, state: Path, name: str | None = None) -> Witness:
        """Load the witness key from ``state`` (create it with ``name`` on first use)."""
        key_file = state / "witness.key"
        if key_file.exists():
            signer = note.Signer.from_skey(key_file.read_text(encoding="ascii"))
            return cls(state, signer)
        if not name:
            raise WitnessError(
                f"No witness key in {state}.", hint="Give --name to create one on first use."
            )
        state.mkdir(parents=True, exist_ok=True, mode=0o700)
        signer = note.Signer(name, Ed25519PrivateKey.generate(), note.ALG_COSIGNATURE_V1)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, signer.skey.encode() + b"\n")
        finally:
            os.close(fd)
        return cls(state, signer)

    @property
    def last_path(self) -> Path:
        return self.state / "last-checkpoint.txt"

    def last(self) -> note.Checkpoint | None:
        if not self.last_path.exists():
            return None
        text = self.last_path.read_text(encoding="utf-8")
        return note.parse_checkpoint_body(note.parse_note(text).text)

    def check_and_cosign(
        self,
        checkpoint_text: str,
        log_key: bytes,
        proof: list[bytes] | None = None,
        *,
        now: int | None = None,
    ) -> str:
        """Verify the log's signature and consistency with the last checkpoint, then cosign."""
        try:
            body = note.parse_checkpoint_body(note.parse_note(checkpoint_text).text)
            cp, _, _ = note.open_checkpoint(checkpoint_text, [note.Verifier(body.origin, log_key)])
        except note.NoteError as exc:
            raise WitnessError(f"The checkpoint is not genuine: {exc.message}") from exc
        last = self.last()
        if last is not None:
            if last.origin != cp.origin:
                raise WitnessError(f"This witness follows {last.origin}, not {cp.origin}.")
            if cp.size < last.size:
                raise WitnessError(
                    f"Rollback: the new checkpoint has {cp.size} entries, the last seen had "
                    f"{last.size}. The log was truncated or replaced."
                )
            try:
                merkle.verify_consistency(last.size, cp.size, proof or [], last.root, cp.root)
            except merkle.ProofError as exc:
                raise WitnessError(
                    f"The new checkpoint (size {cp.size}) is not consistent with the last one "
                    f"seen (size {last.size}): {exc.message}",
                    hint="Bring the consistency proof from `nextstep audit checkpoint --since`.",
                ) from exc
        stamp = int(time.time()) if now is None else now
        sig = note.cosign(cp.body, self.signer, stamp)
        cosigned = note.add_signatures(checkpoint_text, sig)
        tmp = self.last_path.with_suffix(".tmp")
        tmp.write_text(checkpoint_text, encoding="utf-8")
        os.replace(tmp, self.last_path)
        history = self.state / "cosigned"
        history.mkdir(exist_ok=True)
        (history / f"{cp.size:012d}-{stamp}.txt").write_text(cosigned, encoding="utf-8")
        return cosigned


def proof_file(size1: int, size2: int, proof: list[bytes]) -> str:
    return json.dumps(
        {
            "format": "nextstep-consistency-proof/v1",
            "size1": size1,
            "size2": size2,
            "proof": [base64.b64encode(p).decode() for p in proof],
        }
    )


def read_proof_file(text: str) -> list[bytes]:
    try:
        data = json.loads(text)
        return [base64.b64decode(p, validate=True) for p in data["proof"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise WitnessError("The consistency proof file is malformed.") from exc
