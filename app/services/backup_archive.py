"""The encrypted backup archive (``.mdtbak``), format version 1: a tar stream sealed with a passphrase.

File layout (integers big-endian)::

    magic       8 bytes   b"MDTBAK\\r\\n"  (the CR LF catches a copy that mangled line ends)
    header_len  4 bytes   length of the JSON header that follows (at most 64 KiB)
    header      JSON, UTF-8: {"format": 1, "cipher": "AES-256-GCM", "chunk_size": 1048576,
                "kdf": {"name": "scrypt", "n": 131072, "r": 8, "p": 1, "salt": base64(16 bytes)},
                "nonce_prefix": base64(8 bytes)}
    key_check   32 bytes  HMAC-SHA256(mac_key, magic + header_len + header)
    chunks      C_0 C_1 ... C_last, concatenated without length fields

Keys: scrypt(passphrase NFC-normalised as UTF-8, salt, n, r, p) -> 64 bytes = enc_key (AES-256) || mac_key.
A wrong passphrase (or an edited header) fails ``key_check`` before anything is written anywhere.

Chunks: the plaintext is cut into ``chunk_size`` pieces; the last piece holds 1..chunk_size bytes (0 only
for an empty stream). C_i = AES-256-GCM(enc_key, nonce = nonce_prefix || i as 4 bytes, piece_i,
aad = key_check || i as 8 bytes || final flag 1 byte), i.e. len(piece_i) + 16 bytes. A reader takes
chunk_size + 16 bytes at a time; the last block of the file is the final chunk. Reordered, removed,
edited or appended chunks and a file cut short (at a chunk boundary too: the last chunk left was sealed
as not final) all fail authentication, and the reader says which.

Plaintext: a POSIX (pax) tar stream, members in this order:
    info.json            what the backup is (format, app version, schema revision, created at (UTC),
                         hospital, counts): readable after decrypting only the first chunk
    db/mdt.sqlite        a consistent snapshot (SQLite online backup API), journal_mode=DELETE
    blobs/ab/<sha256>    every file of the content-addressed store
    settings.json        optional: the per-installation settings
    manifest.json        info.json's fields plus "members": [{"name", "size", "sha256"}] of every member
                         above (the manifest comes last so every hash is of the bytes actually written)

Streamed both ways: never more than about two chunks of the backup in memory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import tarfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from app.errors import AppError
from app.i18n import QT_TRANSLATE_NOOP as N

FORMAT_VERSION = 1
MAGIC = b"MDTBAK\r\n"
CHUNK_SIZE = 1 << 20
TAG = 16
SALT_BYTES = 16
PREFIX_BYTES = 8
MAX_HEADER = 64 * 1024
MAX_JSON_MEMBER = 256 << 20
COPY_BUF = 256 * 1024
MIN_PASSPHRASE = 8
# Test hook (and a way out for a very weak PC): scrypt's n for new backups. Restores read n from the header.
ENV_KDF_N = "MDT_DESK_BACKUP_KDF_N"


class ArchiveError(AppError):
    """The file is not a usable backup: damaged, truncated, foreign, or from a newer version."""


class WrongPassphrase(ArchiveError):
    pass


class OperationCancelled(AppError):
    pass


@dataclass(frozen=True)
class KdfParams:
    n: int = 2**17
    r: int = 8
    p: int = 1

    def valid(self) -> bool:
        # Bounds for headers read from disk: a crafted header must not make us allocate gigabytes.
        return (1024 <= self.n <= 2**20 and self.n & (self.n - 1) == 0 and 1 <= self.r <= 32
                and 1 <= self.p <= 4 and 128 * self.n * self.r <= 1 << 30)


def default_kdf() -> KdfParams:
    raw = os.environ.get(ENV_KDF_N, "").strip()
    if raw.isdigit() and KdfParams(int(raw)).valid():
        return KdfParams(int(raw))
    return KdfParams()


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    key = Scrypt(salt=salt, length=64, n=kdf.n, r=kdf.r, p=kdf.p).derive(secret)
    return key[:32], key[32:]


def _aad(key_check: bytes, index: int, final: bool) -> bytes:
    return key_check + struct.pack(">QB", index, 1 if final else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    if index >= 1 << 32:
        raise ArchiveError(N("errors", "The backup is too large for this archive format."))
    return prefix + struct.pack(">I", index)


class EncryptingWriter:
    """A write-only file object: plaintext in, header + sealed chunks out to `raw`."""

    def __init__(self, raw: BinaryIO, passphrase: str, kdf: KdfParams | None = None,
                 chunk_size: int = CHUNK_SIZE) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kdf = kdf or default_kdf()
        salt, self._prefix = os.urandom(SALT_BYTES), os.urandom(PREFIX_BYTES)
        enc_key, mac_key = _derive(passphrase, salt, kdf)
        header = json.dumps({
            "format": FORMAT_VERSION, "cipher": "AES-256-GCM", "chunk_size": chunk_size,
            "kdf": {"name": "scrypt", "n": kdf.n, "r": kdf.r, "p": kdf.p,
                    "salt": base64.b64encode(salt).decode()},
            "nonce_prefix": base64.b64encode(self._prefix).decode(),
        }, sort_keys=True).encode("utf-8")
        head = MAGIC + struct.pack(">I", len(header)) + header
        self._check = hmac.new(mac_key, head, hashlib.sha256).digest()
        self._aes = AESGCM(enc_key)
        self._raw = raw
        self._chunk = chunk_size
        self._buf = bytearray()
        self._index = 0
        self._closed = False
        raw.write(head + self._check)

    def write(self, data) -> int:
        self._buf += data
        while len(self._buf) > self._chunk:  # strictly more: the last chunk is sealed only at close()
            self._seal(bytes(self._buf[:self._chunk]), final=False)
            del self._buf[:self._chunk]
        return len(data)

    def _seal(self, piece: bytes, final: bool) -> None:
        aad = _aad(self._check, self._index, final)
        self._raw.write(self._aes.encrypt(_nonce(self._prefix, self._index), piece, aad))
        self._index += 1

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._seal(bytes(self._buf), final=True)
            self._buf.clear()


class DecryptingReader:
    """A read-only file object over a backup file; opening it checks the passphrase."""

    def __init__(self, raw: BinaryIO, passphrase: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._raw = raw
        magic = raw.read(len(MAGIC))
        if magic != MAGIC:
            raise ArchiveError(N("errors", "This file is not an MDT Desk backup."))
        size = raw.read(4)
        hlen = struct.unpack(">I", size)[0] if len(size) == 4 else MAX_HEADER + 1
        header = raw.read(hlen) if hlen <= MAX_HEADER else b""
        check = raw.read(32)
        try:
            h = json.loads(header.decode("utf-8"))
            version = int(h["format"])
            if version > FORMAT_VERSION:
                raise ArchiveError(N("errors", "This backup was made by a newer version of MDT Desk "
                                               "(backup format {version}). Install that version to restore it."),
                                   version=version)
            k = h["kdf"]
            kdf = KdfParams(int(k["n"]), int(k["r"]), int(k["p"]))
            salt = base64.b64decode(k["salt"], validate=True)
            self._prefix = base64.b64decode(h["nonce_prefix"], validate=True)
            self._chunk = int(h["chunk_size"])
            ok = (version == FORMAT_VERSION and h["cipher"] == "AES-256-GCM" and k["name"] == "scrypt"
                  and kdf.valid() and len(salt) == SALT_BYTES and len(self._prefix) == PREFIX_BYTES
                  and 4096 <= self._chunk <= 64 << 20 and len(check) == 32)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            ok = False
        if not ok:
            raise ArchiveError(N("errors", "The backup file's header is damaged; it cannot be read."))
        enc_key, mac_key = _derive(passphrase, salt, kdf)
        head = MAGIC + size + header
        if not hmac.compare_digest(hmac.new(mac_key, head, hashlib.sha256).digest(), check):
            raise WrongPassphrase(N("errors", "Wrong passphrase, or not an MDT Desk backup. Nothing was changed."))
        self._check = check
        self._aes = AESGCM(enc_key)
        self._offset = len(head) + 32  # of the next block in the file
        self._index = 0
        self._ahead = self._read_block()
        self._plain = b""
        self._pos = 0
        self._done = False
        self.raw_bytes_read = self._offset

    def _read_block(self) -> bytes:
        want = self._chunk + TAG
        parts, got = [], 0
        while got < want:
            part = self._raw.read(want - got)
            if not part:
                break
            parts.append(part)
            got += len(part)
        return b"".join(parts)

    def _next_chunk(self) -> None:
        from cryptography.exceptions import InvalidTag

        block = self._ahead
        if not block:
            raise ArchiveError(N("errors", "The backup file is incomplete (it ends too early): the copy was "
                                           "interrupted or the storage medium is failing."))
        self._ahead = self._read_block() if len(block) == self._chunk + TAG else b""
        final = not self._ahead
        nonce = _nonce(self._prefix, self._index)
        try:
            self._plain = self._aes.decrypt(nonce, block, _aad(self._check, self._index, final))
        except InvalidTag:
            truncated = False
            if final:
                try:
                    self._aes.decrypt(nonce, block, _aad(self._check, self._index, False))
                    truncated = True
                except InvalidTag:
                    pass
            if truncated:
                raise ArchiveError(N("errors", "The backup file is incomplete (it ends after {mb} MB): the "
                                               "copy was interrupted or the storage medium is failing."),
                                   mb=f"{(self._offset + len(block)) / 1e6:.1f}") from None
            if final:  # a cut inside the last chunk and a changed last chunk look the same
                raise ArchiveError(N("errors", "The backup file is incomplete or damaged at its end (near byte "
                                               "{offset}): the copy was interrupted, the file was changed, or "
                                               "the storage medium is failing."), offset=self._offset) from None
            raise ArchiveError(N("errors", "The backup file is damaged near byte {offset} (it was changed "
                                           "after it was written, or the storage medium is failing)."),
                               offset=self._offset) from None
        self._pos = 0
        self._offset += len(block)
        self.raw_bytes_read = self._offset
        self._index += 1
        self._done = final

    def read(self, n: int = -1) -> bytes:
        out = []
        while n < 0 or n > 0:
            if self._pos >= len(self._plain):
                if self._done:
                    break
                self._next_chunk()
                continue
            take = len(self._plain) - self._pos if n < 0 else min(n, len(self._plain) - self._pos)
            out.append(self._plain[self._pos:self._pos + take])
            self._pos += take
            if n > 0:
                n -= take
        return b"".join(out)

    def drain(self) -> None:
        """Authenticate everything up to the final chunk (tar stops reading at its end-of-archive mark)."""
        while self.read(CHUNK_SIZE):
            pass


@dataclass(frozen=True)
class ArchiveInfo:
    format: int
    app_version: str
    schema_revision: str | None
    created_at: str
    hospital: str
    counts: dict


INFO_KEYS = ("format", "app_version", "schema_revision", "created_at", "hospital", "counts")


class _Hashing:
    """Reads a file for tarfile while hashing it and reporting progress (which may raise to cancel)."""

    def __init__(self, f: BinaryIO, tick: Callable[[int], None]) -> None:
        self.f, self.tick, self.sha = f, tick, hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.sha.update(data)
        self.tick(len(data))
        return data


class ArchiveWriter:
    """Builds the tar stream member by member into an EncryptingWriter."""

    def __init__(self, raw: BinaryIO, passphrase: str, kdf: KdfParams | None = None,
                 tick: Callable[[int], None] = lambda n: None) -> None:
        self._enc = EncryptingWriter(raw, passphrase, kdf)
        self._tar = tarfile.open(fileobj=self._enc, mode="w|", format=tarfile.PAX_FORMAT)
        self._tar.copybufsize = COPY_BUF
        self._tick = tick
        self.members: list[dict] = []

    def _info(self, name: str, size: int, mode: int) -> tarfile.TarInfo:
        ti = tarfile.TarInfo(name)
        ti.size, ti.mode, ti.mtime = size, mode, int(time.time())
        return ti

    def add_bytes(self, name: str, data: bytes) -> None:
        import io

        self._tar.addfile(self._info(name, len(data), 0o644), io.BytesIO(data))
        self.members.append({"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})

    def add_file(self, name: str, f: BinaryIO, mode: int = 0o644) -> None:
        size = os.fstat(f.fileno()).st_size
        src = _Hashing(f, self._tick)
        self._tar.addfile(self._info(name, size, mode), src)
        self.members.append({"name": name, "size": size, "sha256": src.sha.hexdigest()})

    def finish(self, info: dict) -> None:
        """Append the manifest, end the tar stream and seal the final chunk."""
        import io

        data = json.dumps(dict(info, members=self.members), ensure_ascii=False, indent=1).encode("utf-8")
        self._tar.addfile(self._info("manifest.json", len(data), 0o644), io.BytesIO(data))
        self._tar.close()
        self._enc.close()
