"""RFC 9162 (Certificate Transparency v2) Merkle tree: hashing, inclusion and consistency proofs.

Why this exact construction: it is what C2SP checkpoints, witnesses and every transparency-log
tool speak, so an auditor can check NextStep's log with independent software. Leaves are hashed
as SHA-256(0x00 || data) and interior nodes as SHA-256(0x01 || left || right), which rules out
second-preimage tricks between leaves and nodes. The verifiers follow RFC 9162 §2.1.3.2 and
§2.1.4.2 step by step and are tested against the transparency-dev vectors.

The tree keeps every complete, aligned subtree hash (levels[k][i] covers leaves
i*2^k .. (i+1)*2^k - 1), so appends are amortised O(1) and roots and proofs for any prefix
size are O(log n) lookups and hashes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from crypto.errors import CryptoError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(CryptoError):
    """A Merkle proof does not verify, or was requested for sizes that do not exist."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _largest_power_of_two_below(n: int) -> int:
    """The k of RFC 9162: the largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


class MerkleTree:
    """An append-only RFC 9162 tree over leaf hashes, with proofs for any prefix."""

    def __init__(self, leaf_hashes: Sequence[bytes] = ()) -> None:
        self._levels: list[list[bytes]] = [[]]
        for h in leaf_hashes:
            self.append_hash(h)

    @property
    def size(self) -> int:
        return len(self._levels[0])

    def leaf(self, index: int) -> bytes:
        return self._levels[0][index]

    def append(self, data: bytes) -> bytes:
        """Hash ``data`` as a leaf, add it and return the leaf hash."""
        h = leaf_hash(data)
        self.append_hash(h)
        return h

    def append_hash(self, h: bytes) -> None:
        if len(h) != HASH_SIZE:
            raise ProofError("A Merkle leaf hash must be 32 bytes.")
        levels = self._levels
        levels[0].append(h)
        level = 0
        # Complete every aligned subtree this leaf closes.
        while len(levels[level]) % 2 == 0:
            row = levels[level]
            parent = node_hash(row[-2], row[-1])
            level += 1
            if level == len(levels):
                levels.append([])
            levels[level].append(parent)

    def _range(self, lo: int, hi: int) -> bytes:
        """MTH(D[lo:hi]) using cached complete subtrees."""
        n = hi - lo
        if n == 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0 and lo % n == 0:
            return self._levels[n.bit_length() - 1][lo // n]
        k = _largest_power_of_two_below(n)
        return node_hash(self._range(lo, lo + k), self._range(lo + k, hi))

    def root(self, size: int | None = None) -> bytes:
        size = self.size if size is None else size
        if not 0 <= size <= self.size:
            raise ProofError(f"The tree has {self.size} leaves, not {size}.")
        return self._range(0, size)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[0:size]) of RFC 9162 §2.1.3.1."""
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise ProofError(f"No leaf {index} in a tree of size {size}.")
        return self._path(index, 0, size)

    def _path(self, m: int, lo: int, hi: int) -> list[bytes]:
        n = hi - lo
        if n == 1:
            return []
        k = _largest_power_of_two_below(n)
        if m < k:
            return self._path(m, lo, lo + k) + [self._range(lo + k, hi)]
        return self._path(m - k, lo + k, hi) + [self._range(lo, lo + k)]

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        """PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1."""
        size2 = self.size if size2 is None else size2
        if not 0 < size1 <= size2 <= self.size:
            raise ProofError(f"No consistency proof from size {size1} to size {size2}.")
        if size1 == size2:
            return []
        return self._subproof(size1, 0, size2, True)

    def _subproof(self, m: int, lo: int, hi: int, complete: bool) -> list[bytes]:
        n = hi - lo
        if m == n:
            return [] if complete else [self._range(lo, hi)]
        k = _largest_power_of_two_below(n)
        if m <= k:
            return self._subproof(m, lo, lo + k, complete) + [self._range(lo + k, hi)]
        return self._subproof(m - k, lo + k, hi, False) + [self._range(lo, lo + k)]


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """RFC 9162 §2.1.3.2; raises :class:`ProofError` unless ``leaf`` is at ``index``."""
    if not 0 <= index < size:
        raise ProofError(f"Leaf index {index} is outside a tree of size {size}.")
    if len(leaf) != HASH_SIZE or len(root) != HASH_SIZE:
        raise ProofError("A leaf hash and a root hash must be 32 bytes.")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if len(p) != HASH_SIZE:
            raise ProofError("An inclusion proof element is not 32 bytes.")
        if sn == 0:
            raise ProofError("The inclusion proof is longer than the tree allows.")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("The inclusion proof is shorter than the tree requires.")
    if r != root:
        raise ProofError("The inclusion proof does not lead to the expected root.")


def verify_consistency(
    size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> None:
    """RFC 9162 §2.1.4.2; raises :class:`ProofError` unless tree 1 is a prefix of tree 2."""
    if size1 < 0 or size2 < size1:
        raise ProofError(f"A tree cannot shrink from size {size1} to size {size2}.")
    if size1 == size2:
        if proof:
            raise ProofError("Equal sizes need an empty consistency proof.")
        if size1 == 0 and (root1 != EMPTY_ROOT or root2 != EMPTY_ROOT):
            raise ProofError("An empty tree has only one root, SHA-256 of nothing.")
        if root1 != root2:
            raise ProofError(f"Two different roots were given for the same size {size1}.")
        return
    if size1 == 0:
        raise ProofError("Consistency with an empty tree proves nothing and is refused.")
    if not proof:
        raise ProofError("The consistency proof is empty.")
    if any(len(p) != HASH_SIZE for p in proof) or len(root1) != HASH_SIZE:
        raise ProofError("A consistency proof element or root is not 32 bytes.")
    path = list(proof)
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("The consistency proof is longer than the trees allow.")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("The consistency proof is shorter than the trees require.")
    if fr != root1:
        raise ProofError(f"The consistency proof does not lead to the root of size {size1}.")
    if sr != root2:
        raise ProofError(f"The consistency proof does not lead to the root of size {size2}.")
