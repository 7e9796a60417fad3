"""The encrypted package file (``.mdtpkg``), container format 1: named entries sealed with a passphrase.

File layout (integers big-endian)::

    magic       8 bytes   b"MDTPKG\\r\\n"
    header_len  4 bytes   length of the JSON header (at most 64 KiB)
    header      JSON: {"format": 1, "cipher": "AES-256-GCM", "chunk_size": 1048576, "plaintext_size": N,
                "kdf": {"name": "scrypt", "n", "r", "p", "salt": base64}, "nonce_prefix": base64(8 bytes)}
    key_check   32 bytes  HMAC-SHA256(mac_key, magic + header_len + header)
    header_sum  32 bytes  SHA-256 of everything before it: damage to the header or key_check is told apart from
                          a wrong passphrase (anyone can recompute it: authenticity comes from key_check)
    chunks      C_0 .. C_last, C_i = AES-256-GCM(enc_key, nonce_prefix || i (4 bytes), piece_i,
                aad = key_check || i (8 bytes) || final flag), each len(piece_i) + 16 bytes

Keys: scrypt(NFC passphrase, salt) -> 64 bytes = enc_key || mac_key. The plaintext size is declared (and
authenticated, through key_check, in every chunk), so the exact file size is known before any decryption:
a file cut short anywhere is reported as truncated, not as a wrong passphrase. Chunks reordered, removed,
edited or appended fail authentication, and the reader says where.

Plaintext: entries ``name_len (2) | size (8) | name (UTF-8) | bytes``, ended by an entry with an empty
name. Writing and reading are streamed: never more than about two chunks of a package in memory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.i18n import QT_TRANSLATE_NOOP as N
from app.packages.errors import PackageError, PackageTampered, PackageWrongPassphrase

FORMAT_VERSION = 1
MAGIC = b"MDTPKG\r\n"
CHUNK_SIZE = 1 << 20
TAG = 16
MAX_HEADER = 64 * 1024
COPY_BUF = 1 << 20
ENTRY = struct.Struct(">HQ")
# Test hook (and a way out for a very weak PC): scrypt's n for new packages; readers take n from the header.
ENV_KDF_N = "MDT_DESK_PACKAGE_KDF_N"
KDF_N = 2**17

NOT_A_PACKAGE = N("errors", "This file is not an MDT Desk case package (.mdtpkg).")
HEADER_DAMAGED = N("errors", "The package file's header is damaged; it cannot be read. Ask the sender for a "
                             "new copy.")
WRONG_PASSPHRASE = N("errors", "The passphrase is wrong for this package. Nothing was imported.")
TRUNCATED = N("errors", "The package file is incomplete: it has {have} of its {want} bytes (the copy was "
                        "interrupted or the storage medium is failing). Nothing was imported.")
TOO_LONG = N("errors", "The package file has {extra} unexpected bytes after its end: it was altered. Nothing "
                       "was imported.")
ALTERED = N("errors", "The package was altered or damaged near byte {offset}: its content is not what the "
                      "sender sealed. Nothing was imported.")
BAD_LAYOUT = N("errors", "The package content is malformed ({what}). Nothing was imported.")


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    data: bytes | None = None  # either bytes in memory or a file streamed from disk
    path: Path | None = None


def _kdf_n() -> int:
    raw = os.environ.get(ENV_KDF_N, "").strip()
    return int(raw) if raw.isdigit() and _valid_kdf(int(raw), 8, 1) else KDF_N


def _valid_kdf(n: int, r: int, p: int) -> bool:
    # Bounds for headers read from a file: a crafted header must not make us allocate gigabytes.
    return 1024 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 4 and 128 * n * r <= 1 << 30


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(unicodedata.normalize("NFC", passphrase).encode())
    return key[:32], key[32:]


def _aad(key_check: bytes, index: int, final: bool) -> bytes:
    return key_check + struct.pack(">QB", index, 1 if final else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def sealed_size(plaintext_size: int, chunk: int = CHUNK_SIZE) -> int:
    chunks = max(1, -(-plaintext_size // chunk))
    return plaintext_size + chunks * TAG


def payload_size(entries: list[Entry]) -> int:
    return sum(ENTRY.size + len(e.name.encode()) + e.size for e in entries) + ENTRY.size


def write_package(raw: BinaryIO, passphrase: str, entries: list[Entry], chunk: int = CHUNK_SIZE,
                  progress: Callable[[int, int], None] | None = None) -> None:
    """Seal `entries` (sizes known up front) into `raw`, streaming files from disk. `progress(done, total)`
    is called after every sealed chunk and may raise to stop the writing."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    n = _kdf_n()
    salt, prefix = os.urandom(16), os.urandom(8)
    enc_key, mac_key = _derive(passphrase, salt, n, 8, 1)
    total = payload_size(entries)
    header = json.dumps({"format": FORMAT_VERSION, "cipher": "AES-256-GCM", "chunk_size": chunk,
                         "plaintext_size": total,
                         "kdf": {"name": "scrypt", "n": n, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode()},
                         "nonce_prefix": base64.b64encode(prefix).decode()}, sort_keys=True).encode()
    head = MAGIC + struct.pack(">I", len(header)) + header
    check = hmac.new(mac_key, head, hashlib.sha256).digest()
    raw.write(head + check + hashlib.sha256(head + check).digest())
    aes, buf, index, written = AESGCM(enc_key), bytearray(), 0, 0

    def feed(data: bytes) -> None:
        nonlocal index, written
        buf.extend(data)
        written += len(data)
        while len(buf) > chunk or (len(buf) == chunk and written < total):
            raw.write(aes.encrypt(_nonce(prefix, index), bytes(buf[:chunk]), _aad(check, index, False)))
            del buf[:chunk]
            index += 1
            if progress is not None:
                progress(written - len(buf), total)

    for e in entries:
        name = e.name.encode()
        feed(ENTRY.pack(len(name), e.size) + name)
        if e.data is not None:
            feed(e.data)
        else:
            with open(e.path, "rb") as f:
                copied = 0
                while piece := f.read(COPY_BUF):
                    copied += len(piece)
                    feed(piece)
            if copied != e.size:
                raise OSError(f"{e.path} changed while the package was written")
    feed(ENTRY.pack(0, 0))
    raw.write(aes.encrypt(_nonce(prefix, index), bytes(buf), _aad(check, index, True)))


class PackageReader:
    """Opens a package file: checks layout, passphrase and size, then streams the decrypted entries."""

    def __init__(self, path: Path, passphrase: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._f = open(path, "rb")  # noqa: SIM115 - closed by close()
        try:
            self._open(path, passphrase, AESGCM)
        except BaseException:
            self._f.close()
            raise

    def _open(self, path: Path, passphrase: str, aesgcm) -> None:
        f = self._f
        if f.read(len(MAGIC)) != MAGIC:
            raise PackageError(NOT_A_PACKAGE)
        size = f.read(4)
        hlen = struct.unpack(">I", size)[0] if len(size) == 4 else MAX_HEADER + 1
        if hlen > MAX_HEADER:
            raise PackageError(HEADER_DAMAGED)
        header = f.read(hlen)
        head = MAGIC + size + header
        check, header_sum = f.read(32), f.read(32)
        if len(header_sum) < 32 or hashlib.sha256(head + check).digest() != header_sum:
            raise PackageError(HEADER_DAMAGED)
        try:
            h = json.loads(header.decode("utf-8"))
            version = int(h["format"])
            k = h["kdf"]
            n, r, p = int(k["n"]), int(k["r"]), int(k["p"])
            salt = base64.b64decode(k["salt"], validate=True)
            self._prefix = base64.b64decode(h["nonce_prefix"], validate=True)
            self._chunk, self._total = int(h["chunk_size"]), int(h["plaintext_size"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise PackageError(HEADER_DAMAGED) from None
        if version > FORMAT_VERSION:
            raise PackageError(N("errors", "This package was made by a newer version of MDT Desk (package "
                                           "format {version}). Install that version to open it."), version=version)
        if not (h.get("cipher") == "AES-256-GCM" and k.get("name") == "scrypt" and _valid_kdf(n, r, p)
                and len(salt) == 16 and len(self._prefix) == 8 and 4096 <= self._chunk <= 64 << 20
                and self._total >= ENTRY.size):
            raise PackageError(HEADER_DAMAGED)
        enc_key, mac_key = _derive(passphrase, salt, n, r, p)
        if not hmac.compare_digest(hmac.new(mac_key, head, hashlib.sha256).digest(), check):
            raise PackageWrongPassphrase(WRONG_PASSPHRASE)
        start = len(head) + 64
        want = start + sealed_size(self._total, self._chunk)
        have = path.stat().st_size
        if have < want:
            raise PackageError(TRUNCATED, have=have, want=want)
        if have > want:
            raise PackageTampered(TOO_LONG, extra=have - want)
        self._check, self._aes = check, aesgcm(enc_key)
        self._offset, self._index, self._left = start, 0, self._total
        self._plain, self._pos = b"", 0
        self.file_sha256 = hashlib.sha256(head + check + header_sum)

    def close(self) -> None:
        self._f.close()

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _next_chunk(self) -> None:
        from cryptography.exceptions import InvalidTag

        if self._left <= 0:
            raise PackageTampered(BAD_LAYOUT, what="reads past the end")
        piece = min(self._chunk, self._left)
        final = piece == self._left
        block = self._f.read(piece + TAG)
        if len(block) < piece + TAG:  # the file shrank after it was opened
            raise PackageError(TRUNCATED, have=self._offset + len(block), want=self._offset + piece + TAG)
        try:
            self._plain = self._aes.decrypt(_nonce(self._prefix, self._index), block,
                                            _aad(self._check, self._index, final))
        except InvalidTag:
            raise PackageTampered(ALTERED, offset=self._offset) from None
        self.file_sha256.update(block)
        self._pos, self._offset, self._index, self._left = 0, self._offset + len(block), self._index + 1, \
            self._left - piece

    def read_exact(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            if self._pos >= len(self._plain):
                self._next_chunk()
            take = min(n - len(out), len(self._plain) - self._pos)
            out += self._plain[self._pos:self._pos + take]
            self._pos += take
        return bytes(out)

    def _read_pieces(self, n: int) -> Iterator[bytes]:
        while n > 0:
            if self._pos >= len(self._plain):
                self._next_chunk()
            take = min(n, len(self._plain) - self._pos)
            yield self._plain[self._pos:self._pos + take]
            self._pos += take
            n -= take

    def entries(self) -> Iterator[tuple[str, int, Iterator[bytes]]]:
        """(name, size, pieces) in file order; each entry's pieces must be consumed before the next."""
        while True:
            name_len, size = ENTRY.unpack(self.read_exact(ENTRY.size))
            if name_len == 0:
                if size != 0 or self._left != 0 or self._pos != len(self._plain):
                    raise PackageTampered(BAD_LAYOUT, what="data after the last entry")
                return
            try:
                name = self.read_exact(name_len).decode("utf-8")
            except UnicodeDecodeError:
                raise PackageTampered(BAD_LAYOUT, what="entry name") from None
            yield name, size, self._read_pieces(size)

    def hex_digest(self) -> str:
        return self.file_sha256.hexdigest()
